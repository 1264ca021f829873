{{%AUTOESCAPE context="HTML"}}
<h1>Booking status</h1>
<nav class="subnav" aria-label="Status views"><a href="/status" aria-current="page">List</a> <a href="/status/day">Rooms by day</a> <a href="/status/usage">Usage</a></nav>
<form class="filters" method="get" action="/status">
<div class="field"><label for="room">Room</label><select id="room" name="room"><option value="">Any</option>
{{#ROOM_CHOICE}}<option value="{{VALUE}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{LABEL}}</option>{{/ROOM_CHOICE}}</select></div>
<div class="field"><label for="status">State</label><select id="status" name="status"><option value="">Any</option>
{{#STATUS_CHOICE}}<option value="{{VALUE}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{LABEL}}</option>{{/STATUS_CHOICE}}</select></div>
{{#PERSON_FILTER}}<div class="field"><label for="person">Person</label><select id="person" name="person"><option value="">Anyone</option>
{{#PERSON_CHOICE}}<option value="{{VALUE}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{LABEL}}</option>{{/PERSON_CHOICE}}</select></div>{{/PERSON_FILTER}}
<div class="field check"><input type="checkbox" id="mine" name="mine" value="1"{{#MINE_ON}} checked{{/MINE_ON}}> <label for="mine">Mine only</label></div>
<div class="field"><label for="from">From</label><input type="date" id="from" name="from" value="{{FROM}}"></div>
<div class="field"><label for="to">To</label><input type="date" id="to" name="to" value="{{TO}}"></div>
<button class="button" type="submit">Show</button>
</form>
{{#EMPTY}}<p id="empty">No bookings match.</p>{{/EMPTY}}
<div class="table-wrap" role="region" aria-label="Bookings" tabindex="0">
<table class="list status-list">
<thead><tr><th scope="col">When</th><th scope="col">State</th><th scope="col">Room</th><th scope="col">Title</th>{{#OWNER_COLUMN}}<th scope="col">Booked by</th>{{/OWNER_COLUMN}}<th scope="col">Decided</th></tr></thead>
<tbody>
{{#ROW}}<tr class="row" data-id="{{ID}}"><td class="when">{{WHEN}}</td><td class="state"><span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span></td><td class="room">{{ROOM}}</td><td class="title" title="{{TITLE}}">{{TITLE}}</td>{{#REQUESTER}}<td class="requester">{{NAME}}</td>{{/REQUESTER}}<td class="decided"{{#DECIDED}} title="{{AT}} by {{BY}}"{{/DECIDED}}>{{#DECIDED}}{{AT}} by {{BY}}{{/DECIDED}}</td></tr>
{{/ROW}}
</tbody>
</table>
</div>
<p class="pager">{{#PREVIOUS}}<a rel="prev" id="previous" href="{{URL}}">← Earlier</a>{{/PREVIOUS}} {{#NEXT}}<a rel="next" id="next" href="{{URL}}">Later →</a>{{/NEXT}}</p>
