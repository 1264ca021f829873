{{%AUTOESCAPE context="HTML"}}
<h1>{{ROOM}} <span class="dates">{{FIRST}} – {{LAST}}</span></h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day">Rooms by day</a> <a href="/status/usage">Usage</a></nav>
<p class="pager"><a id="prev-week" href="/status/rooms/{{ROOM_ID}}?week={{PREV:u}}">← Previous week</a> <a id="room-link" href="/rooms/{{ROOM_ID}}">About {{ROOM}}</a> <a id="next-week" href="/status/rooms/{{ROOM_ID}}?week={{NEXT:u}}">Next week →</a></p>
<details class="other-rooms"><summary>The same week in another room</summary>
<ul>{{#OTHER}}<li><a href="/status/rooms/{{OTHER_ID}}?week={{WEEK:u}}">{{OTHER_NAME}}</a></li>{{/OTHER}}</ul>
</details>
<span id="bk" hidden>Book</span><span id="rm" hidden>{{ROOM}}</span>
<div class="grid-wrap" role="region" aria-label="Days and times" tabindex="0">
<table class="grid week-grid">
<thead><tr><th scope="col">Time</th>{{#DAY}}<th scope="col" id="d{{D}}">{{LABEL}}</th>{{/DAY}}</tr></thead>
<tbody>
{{#SLOTROW}}<tr><th scope="row" id="t{{SLOT}}">{{TIME}}</th>{{#CELL}}<td class="{{CLASS}}"{{#BOOKED}} rowspan="{{SPAN}}" title="{{TITLE}}{{#HOLDER}} · {{OWNER}}{{/HOLDER}} ({{STATUS_LABEL}})"{{/BOOKED}}>{{#BOOKED}}{{#LINK}}<a href="/bookings/{{BOOKING_ID}}">{{/LINK}}<span class="cell-title">{{TITLE}}</span> {{#HOLDER}}<span class="cell-owner">{{OWNER}}</span> {{/HOLDER}}<span class="cell-state">{{STATUS_LABEL}}</span>{{#LINK}}</a>{{/LINK}}{{/BOOKED}}{{#BOOK}}<a class="book" href="/bookings/new?room_id={{ROOM_ID:u}}&amp;start={{START:u}}" aria-labelledby="bk rm d{{D}} t{{SLOT}}">+</a>{{/BOOK}}</td>{{/CELL}}</tr>
{{/SLOTROW}}
</tbody>
</table>
</div>
