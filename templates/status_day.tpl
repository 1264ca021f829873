{{%AUTOESCAPE context="HTML"}}
<h1>{{DAY_LABEL}}</h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day" aria-current="page">Day</a> <a href="/status/usage">Usage</a></nav>
<p class="pager"><a id="prev-day" href="/status/day?date={{PREV:u}}">← Previous day</a> <a id="next-day" href="/status/day?date={{NEXT:u}}">Next day →</a></p>
{{#CLOSED}}<p class="hint" id="closed">Rooms cannot be booked on this day.</p>{{/CLOSED}}
<div class="grid-wrap" role="region" aria-label="Rooms and times" tabindex="0">
<table class="grid day-grid" data-date="{{DATE}}">
<thead><tr><th scope="col">Room</th>{{#SLOT}}<th scope="col" class="slot">{{#HOUR}}{{LABEL}}{{/HOUR}}{{#PART}}<span class="visually-hidden">{{LABEL}}</span>{{/PART}}</th>{{/SLOT}}</tr></thead>
<tbody>
{{#ROOMROW}}<tr data-room="{{ROOM_ID}}"><th scope="row"><a href="/status/rooms/{{ROOM_ID}}">{{ROOM}}</a></th>{{#CELL}}<td colspan="{{SPAN}}" class="{{CLASS}}"{{#BOOKED}} title="{{TITLE}} ({{STATUS_LABEL}})"{{/BOOKED}}>{{#BOOKED}}{{#LINK}}<a href="/bookings/{{BOOKING_ID}}">{{/LINK}}<span class="cell-title">{{TITLE}}</span> <span class="cell-state">{{STATUS_LABEL}}</span>{{#LINK}}</a>{{/LINK}}{{/BOOKED}}{{#BOOK}}<a class="book" href="/bookings/new?room_id={{ROOM_ID:u}}&amp;start={{START:u}}" aria-label="Book {{START}}">+</a>{{/BOOK}}</td>{{/CELL}}</tr>
{{/ROOMROW}}
</tbody>
</table>
</div>
