{{%AUTOESCAPE context="HTML"}}
<h1>Cancel {{OWNER}}'s booking?</h1>
<dl class="facts">
<dt>Title</dt><dd id="cancel-title">{{TITLE}}</dd>
<dt>Room</dt><dd>{{ROOM}}</dd>
<dt>When</dt><dd>{{WHEN}}</dd>
<dt>Booked by</dt><dd id="cancel-owner">{{OWNER}}</dd>
</dl>
{{#MANY}}<p id="cancel-scope">{{SCOPE_WORDS}}</p>{{/MANY}}
<p>{{OWNER}} will be told, with your reason: <span class="reason" id="cancel-reason">{{REASON}}</span></p>
<form class="decide" method="post" action="/bookings/{{ID}}/cancel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="reason" value="{{REASON}}">
<input type="hidden" name="confirmed" value="1">
<input type="hidden" name="scope" value="{{SCOPE}}">
<button class="button danger" type="submit" id="confirm-cancel">Cancel the booking</button>
<a href="/bookings/{{ID}}">No, keep it</a>
</form>
