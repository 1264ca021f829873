{{%AUTOESCAPE context="HTML"}}
<section class="hero">
<h1>Book a meeting room</h1>
<p>Pick a room and a time; an administrator confirms your request.</p>
<p><a class="button" href="/status/day">See free rooms by day</a> <a href="/bookings/new">or fill in a booking form</a></p>
</section>
{{#MINE}}<section aria-labelledby="next">
<h2 id="next">Your next bookings</h2>
{{#NO_NEXT}}<p id="no-next">You have no upcoming bookings.</p>{{/NO_NEXT}}
<ul class="bookings" id="next-bookings">
{{#NEXT}}<li class="booking"><a href="/bookings/{{ID}}"><strong>{{TITLE}}</strong></a> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span><br><span class="meta">{{ROOM}} · {{WHEN}}</span></li>
{{/NEXT}}</ul>
<p><a href="/bookings">All my bookings</a></p>
</section>{{/MINE}}
<section aria-labelledby="now">
<h2 id="now">Right now</h2>
{{#OPEN_NOW}}<p id="free-now" data-free="{{FREE}}" data-rooms="{{ROOMS}}">{{SAID}}</p>
<ul class="free-now">{{#FREE_ROOM}}<li><a href="/bookings/new?room_id={{ID:u}}&amp;start={{START:u}}">{{NAME}}</a> <span class="meta">seats {{CAPACITY}}</span></li>
{{/FREE_ROOM}}</ul>
{{#MORE_FREE}}<p><a href="/status/day">{{MORE}} more free rooms in the day grid</a></p>{{/MORE_FREE}}{{/OPEN_NOW}}
{{#CLOSED_NOW}}<p id="closed-now" data-rooms="{{ROOMS}}">{{SAID}}</p>{{/CLOSED_NOW}}
</section>
{{#DECIDER}}<section aria-labelledby="waiting">
<h2 id="waiting">Waiting for a decision</h2>
<p><a href="/admin/approvals" id="pending" data-count="{{PENDING}}">{{SAID}}</a></p>
</section>{{/DECIDER}}
