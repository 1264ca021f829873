{{%AUTOESCAPE context="HTML"}}
<h1>Usage</h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day">Rooms by day</a> <a href="/status/usage" aria-current="page">Usage</a></nav>
<form class="filters" method="get" action="/status/usage">
<div class="field"><label for="from">From</label><input type="date" id="from" name="from" value="{{FROM}}"></div>
<div class="field"><label for="to">To</label><input type="date" id="to" name="to" value="{{TO}}"></div>
<button class="button" type="submit">Show</button>
<a id="csv" href="/status/usage.csv?from={{FROM:u}}&amp;to={{TO:u}}">Download CSV</a>
</form>
<p class="hint">Booked hours from {{FROM}} to {{TO}}, their share of the opening hours, and how many of them were used (from check-in to check-out) or released because nobody came. Every booking change updates these figures at once; a meeting in progress counts its use when it ends.{{#AS_OF}} Last full recount: {{AT}}.{{/AS_OF}}</p>
{{#SCALE}}<p class="hint" id="scale">{{SAID}}</p>{{/SCALE}}
<svg class="defs" aria-hidden="true" focusable="false"><defs><pattern id="pending-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0b400"/><rect width="2" height="6" fill="#9a5b00"/></pattern></defs></svg>
<ul class="bars" aria-label="Share of opening hours booked, per room">
{{#BAR}}<li><span class="bar-name" title="{{NAME}}">{{NAME}}</span><svg class="bar" viewBox="0 0 400 20" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="confirmed" x="0" y="0" width="{{CONFIRMED_W}}" height="20" fill="#1e7a44"/><rect class="pending" x="{{PENDING_X}}" y="0" width="{{PENDING_W}}" height="20" fill="url(#pending-hatch)"/></svg><span class="bar-share">{{SHARE}} %</span></li>
{{/BAR}}</ul>
<p class="legend"><span class="swatch confirmed"></span> confirmed <span class="swatch pending"></span> pending (hatched)</p>
<div class="table-wrap" role="region" aria-label="Usage per room" tabindex="0">
<table class="list usage">
<thead><tr><th scope="col">Room</th><th scope="col">Confirmed hours</th><th scope="col">Pending hours</th><th scope="col">Booked hours</th><th scope="col">Share of opening hours (%)</th><th scope="col">Used hours</th><th scope="col">No-shows</th><th scope="col">Policy</th></tr></thead>
<tbody>
{{#ROOM}}<tr><td class="name">{{NAME}}</td><td class="confirmed">{{CONFIRMED_HOURS}}</td><td class="pending">{{PENDING_HOURS}}</td><td class="booked">{{BOOKED_HOURS}}</td><td class="share">{{SHARE}}</td><td class="used">{{USED_HOURS}}</td><td class="no-shows">{{NO_SHOWS}}</td><td class="policy">{{POLICY}}</td></tr>
{{/ROOM}}
</tbody>
</table>
</div>
