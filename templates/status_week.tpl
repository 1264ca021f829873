{{%AUTOESCAPE context="HTML"}}
<h1>{{ROOM}} · week {{WEEK}}</h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day">Day</a> <a href="/status/usage">Usage</a></nav>
<p class="pager"><a id="prev-week" href="/status/rooms/{{ROOM_ID}}?week={{PREV:u}}">← Previous week</a> <a id="next-week" href="/status/rooms/{{ROOM_ID}}?week={{NEXT:u}}">Next week →</a></p>
<div class="grid-wrap" role="region" aria-label="Days and times" tabindex="0">
<table class="grid week-grid">
<thead><tr><th scope="col">Time</th>{{#DAY}}<th scope="col">{{LABEL}}</th>{{/DAY}}</tr></thead>
<tbody>
{{#SLOTROW}}<tr><th scope="row">{{TIME}}</th>{{#CELL}}<td class="{{CLASS}}"{{#BOOKED}} rowspan="{{SPAN}}" title="{{TITLE}} ({{STATUS_LABEL}})"{{/BOOKED}}>{{#BOOKED}}{{#LINK}}<a href="/bookings/{{BOOKING_ID}}">{{/LINK}}<span class="cell-title">{{TITLE}}</span> <span class="cell-state">{{STATUS_LABEL}}</span>{{#LINK}}</a>{{/LINK}}{{/BOOKED}}{{#BOOK}}<a class="book" href="/bookings/new?room_id={{ROOM_ID:u}}&amp;start={{START:u}}" aria-label="Book {{START}}">+</a>{{/BOOK}}</td>{{/CELL}}</tr>
{{/SLOTROW}}
</tbody>
</table>
</div>
