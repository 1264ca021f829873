{{%AUTOESCAPE context="HTML"}}
<h1>{{DAY_LABEL}}</h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day" aria-current="page">Rooms by day</a> <a href="/status/usage">Usage</a></nav>
<form class="filters" method="get" action="/status/day">
<div class="field"><label for="date">Date</label>
<input type="date" id="date" name="date" value="{{DATE}}" required></div>
{{>FILTER_FIELDS}}
<button class="button" type="submit">Show</button>
</form>
<p class="pager"><a id="prev-day" href="/status/day/{{PREV:u}}/{{FILTERS}}">← Previous day</a> <a id="today-link" href="/status/day/{{TODAY:u}}/{{FILTERS}}"{{#IS_TODAY}} aria-current="date"{{/IS_TODAY}}>Today</a> <a id="next-day" href="/status/day/{{NEXT:u}}/{{FILTERS}}">Next day →</a></p>
{{#CLOSED}}<p class="hint" id="closed">Rooms cannot be booked on this day.</p>{{/CLOSED}}
{{#NO_ROOMS}}<p id="no-rooms">No room matches.</p>{{/NO_ROOMS}}
{{#BUFFERS}}<p class="hint" id="buffer-key"><span class="buf-key" aria-hidden="true"></span> Hatched: kept free around a booking (the room's buffer, for setting up and cleaning).</p>{{/BUFFERS}}
<p class="hint" id="grid-keys" hidden>In the grid, Tab moves from room to room and the arrow keys from time to time.</p>
<span id="bk" hidden>Book</span><span id="dt" hidden>{{DAY_LABEL}},</span>
<div class="grid-wrap" role="region" aria-label="Rooms and times" tabindex="0">
<table class="grid day-grid" data-date="{{DATE}}">
<thead><tr><th scope="col" class="room-col">Room</th>{{#SLOT}}<th scope="col" class="slot">{{#HOUR}}<span aria-hidden="true">{{SHORT}}</span>{{/HOUR}}{{#SAID}}<span class="visually-hidden">{{LABEL}}</span>{{/SAID}}</th>{{/SLOT}}</tr></thead>
<tbody>
{{#ROOMROW}}<tr data-room="{{ROOM_ID}}"><th scope="row"><a id="r{{ROOM_ID}}" href="/status/rooms/{{ROOM_ID}}">{{ROOM}}</a> <span class="seats">seats {{SEATS}}</span>{{#INSTANT}} <span class="tag">at once</span>{{/INSTANT}}{{#RESTRICTED}} <span class="tag">restricted</span>{{/RESTRICTED}}</th>{{#CELL}}{{#FREE}}<td><a href="{{ROOM_ID}}.{{MINUTE}}{{#ASKED}}.{{SEATS_ASKED}}{{/ASKED}}">+</a>{{/FREE}}{{#UNBOOKABLE}}<td colspan={{SPAN}} class=free>{{/UNBOOKABLE}}{{#BUFFER}}<td colspan={{SPAN}} class=buf>{{/BUFFER}}{{#BOOKED}}<td{{#WIDE}} colspan={{SPAN}}{{/WIDE}} class={{STATUS}}>{{#LINK}}<a href="/bookings/{{BOOKING_ID}}">{{/LINK}}<b>{{TITLE}}</b> {{#HOLDER}}<small>{{OWNER}}</small> {{/HOLDER}}<small>{{STATUS_LABEL}}</small>{{#LINK}}</a>{{/LINK}}{{/BOOKED}}{{/CELL}}</tr>
{{/ROOMROW}}
</tbody>
</table>
</div>
