{{%AUTOESCAPE context="HTML"}}
<h1>Notifications</h1>
{{#HAS_UNREAD}}<form method="post" action="/notifications/read"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Mark all as read</button></form>{{/HAS_UNREAD}}
{{#NONE}}<p>No notifications yet.</p>{{/NONE}}
<ul class="notifications">
{{#NOTE}}<li class="note{{#UNREAD}} unread{{/UNREAD}}">{{#UNREAD}}<span class="badge new">New</span> {{/UNREAD}}<span class="message">{{MESSAGE}}</span><br><span class="meta"><time>{{AT}}</time>{{#BOOKING}} · <a href="/bookings/{{ID}}">the booking</a>{{/BOOKING}}</span></li>
{{/NOTE}}
</ul>
