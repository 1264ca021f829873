{{%AUTOESCAPE context="HTML"}}
<h1>My bookings</h1>
<p><a class="button" href="/bookings/new">Book a room</a></p>
<h2 id="upcoming">Upcoming</h2>
{{#NO_UPCOMING}}<p>You have no upcoming bookings.</p>{{/NO_UPCOMING}}
<ul class="bookings" aria-labelledby="upcoming">
{{#UPCOMING}}<li class="booking"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span><br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/UPCOMING}}
</ul>
{{#HAS_PAST}}
<h2 id="past">Past</h2>
<ul class="bookings" aria-labelledby="past">
{{#PAST}}<li class="booking"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span><br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/PAST}}
</ul>
{{/HAS_PAST}}
