{{%AUTOESCAPE context="HTML"}}
<h1>My bookings</h1>
<p><a class="button" href="/bookings/new">Book a room</a></p>
<h2 id="upcoming">Upcoming</h2>
{{#NO_UPCOMING}}<p>You have no upcoming bookings.</p>{{/NO_UPCOMING}}
<ul class="bookings" aria-labelledby="upcoming">
{{#UPCOMING}}<li class="booking{{#INVITED}} invited{{/INVITED}}"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#INVITED}} <span class="badge invited">Invited by {{OWNER}}</span>{{/INVITED}}{{#FOR_OTHER}} <span class="badge for-other">For {{OWNER}}</span>{{/FOR_OTHER}}<br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/UPCOMING}}
</ul>
{{#HAS_CALLED_OFF}}
<h2 id="called-off">Not taking place</h2>
<p class="hint">Denied, cancelled, expired or released: these times are not held for you.</p>
<ul class="bookings" aria-labelledby="called-off">
{{#CALLED_OFF}}<li class="booking"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span><br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/CALLED_OFF}}
</ul>
{{/HAS_CALLED_OFF}}
{{#HAS_PAST}}
<h2 id="past">Past</h2>
<ul class="bookings" aria-labelledby="past">
{{#PAST}}<li class="booking"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span><br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/PAST}}
</ul>
{{/HAS_PAST}}
