{{%AUTOESCAPE context="HTML"}}
<h1>Usage</h1>
<nav class="subnav" aria-label="Status views"><a href="/status">List</a> <a href="/status/day">Rooms by day</a> <a href="/status/usage" aria-current="page">Usage</a></nav>
<form class="filters" method="get" action="/status/usage">
<div class="field"><label for="from">From</label><input type="date" id="from" name="from" value="{{FROM}}"></div>
<div class="field"><label for="to">To</label><input type="date" id="to" name="to" value="{{TO}}"></div>
<button class="button" type="submit">Show</button>
<a id="csv" href="/status/usage.csv?from={{FROM:u}}&amp;to={{TO:u}}">Download CSV</a>
</form>
<p class="hint">Booked hours from {{FROM}} to {{TO}}, their share of the opening hours, and how many of them were used (from check-in to check-out) or released because nobody came.{{#AS_OF}} As of the last nightly refresh, {{AT}}.{{/AS_OF}}{{#NEVER}} The nightly refresh has not run yet.{{/NEVER}}</p>
<svg class="chart" role="img" aria-label="Share of opening hours booked, per room" viewBox="0 0 640 {{CHART_HEIGHT}}" width="100%">
<defs><pattern id="pending-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0b400"/><rect width="2" height="6" fill="#9a5b00"/></pattern></defs>
<rect x="150" y="0" width="400" height="{{CHART_HEIGHT}}" fill="#f6f7f9"/>
{{#BAR}}<text x="144" y="{{TEXT_Y}}" text-anchor="end" font-size="13"><title>{{NAME}}</title>{{LABEL}}</text>
<rect class="confirmed" x="150" y="{{Y}}" width="{{CONFIRMED_W}}" height="20" fill="#1e7a44"/>
<rect class="pending" x="{{PENDING_X}}" y="{{Y}}" width="{{PENDING_W}}" height="20" fill="url(#pending-hatch)"/>
<text x="{{LABEL_X}}" y="{{TEXT_Y}}" font-size="12">{{SHARE}} %</text>
{{/BAR}}
</svg>
<p class="legend"><span class="swatch confirmed"></span> confirmed <span class="swatch pending"></span> pending (hatched)</p>
<div class="table-wrap" role="region" aria-label="Usage per room" tabindex="0">
<table class="list usage">
<thead><tr><th scope="col">Room</th><th scope="col">Confirmed hours</th><th scope="col">Pending hours</th><th scope="col">Booked hours</th><th scope="col">Share of opening hours (%)</th><th scope="col">Used hours</th><th scope="col">No-shows</th></tr></thead>
<tbody>
{{#ROOM}}<tr><td class="name">{{NAME}}</td><td class="confirmed">{{CONFIRMED_HOURS}}</td><td class="pending">{{PENDING_HOURS}}</td><td class="booked">{{BOOKED_HOURS}}</td><td class="share">{{SHARE}}</td><td class="used">{{USED_HOURS}}</td><td class="no-shows">{{NO_SHOWS}}</td></tr>
{{/ROOM}}
</tbody>
</table>
</div>
