{{%AUTOESCAPE context="HTML"}}
<h1>{{ROOM}} <span class="dates">{{FIRST}} – {{LAST}}</span></h1>
<p class="meta" id="policy">{{POLICY}}</p>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day">Rooms by day</a> <a href="/status/usage">Usage</a></nav>
<p class="pager"><a id="prev-week" href="/status/rooms/{{ROOM_ID}}?week={{PREV:u}}">← Previous week</a> <a id="room-link" href="/rooms/{{ROOM_ID}}">About {{ROOM}}</a> <a id="next-week" href="/status/rooms/{{ROOM_ID}}?week={{NEXT:u}}">Next week →</a></p>
<details class="other-rooms"><summary>The same week in another room</summary>
<ul>{{#OTHER}}<li><a href="/status/rooms/{{OTHER_ID}}?week={{WEEK:u}}">{{OTHER_NAME}}</a></li>{{/OTHER}}</ul>
</details>
{{#BUFFERS}}<p class="hint" id="buffer-key"><span class="buf-key" aria-hidden="true"></span> Hatched: {{MINUTES}} minutes kept free before and after each booking, for setting up and cleaning.</p>{{/BUFFERS}}
<span id="bk" hidden>Book</span><span id="rm" hidden>{{ROOM}}</span>
<div class="grid-wrap" role="region" aria-label="Days and times" tabindex="0">
<table class="grid week-grid">
<thead><tr><th scope="col">Time</th>{{#DAY}}<th scope="col" id="d{{D}}">{{LABEL}}</th>{{/DAY}}</tr></thead>
<tbody>
{{#SLOTROW}}<tr><th scope="row" id="t{{SLOT}}">{{TIME}}</th>{{#CELL}}{{#BUFFER}}<td class="buf"><span class="visually-hidden">Kept free</span></td>{{/BUFFER}}{{#FREE}}<td class="free">{{#BOOK}}<a class="book" href="/bookings/new?room_id={{ROOM_ID:u}}&amp;start={{START:u}}" aria-labelledby="bk rm d{{D}} t{{SLOT}}">+</a>{{/BOOK}}</td>{{/FREE}}{{#BOOKED}}<td class="{{STATUS}}" rowspan="{{SPAN}}">{{#LINK}}<a href="/bookings/{{BOOKING_ID}}">{{/LINK}}<b>{{TITLE}}</b> {{#HOLDER}}<small>{{OWNER}}</small> {{/HOLDER}}<small>{{STATUS_LABEL}}</small>{{#LINK}}</a>{{/LINK}}</td>{{/BOOKED}}{{/CELL}}</tr>
{{/SLOTROW}}
</tbody>
</table>
</div>
