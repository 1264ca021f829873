{{%AUTOESCAPE context="HTML"}}
<h1>Rooms</h1>
{{#DELETED}}<p class="notice" role="status">The room has been deleted.</p>{{/DELETED}}
{{#ADMIN}}<p><a class="button" href="/admin/rooms/new">Add a room</a></p>{{/ADMIN}}
<form class="filters" method="get" action="/rooms">
<div class="field"><label for="min_capacity">Seats at least</label>
<input type="number" id="min_capacity" name="min_capacity" min="1" max="10000" value="{{MIN_CAPACITY}}"></div>
<div class="field"><label for="location">Location</label>
<select id="location" name="location"><option value="">Anywhere</option>
{{#PLACE}}<option value="{{PLACE_NAME}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{PLACE_NAME}}</option>
{{/PLACE}}</select></div>
<button class="button" type="submit">Filter</button>
</form>
{{#NO_ROOMS}}<p id="no-rooms">No room matches.</p>{{/NO_ROOMS}}
<ul class="rooms">
{{#ROOM}}
<li class="room" id="room-{{ID}}">
<h2><a href="/rooms/{{ID}}">{{NAME}}</a></h2>
<p class="meta">{{LOCATION}} · seats {{CAPACITY}}</p>
<p>{{DESCRIPTION}}</p>
{{#AVAILABLE}}<p class="badge ok">Available</p>
<p><a class="button" href="/bookings/new?room_id={{ID:u}}">Book</a></p>{{/AVAILABLE}}
{{#UNAVAILABLE}}<p class="badge off">Unavailable: {{REASON}}</p>{{/UNAVAILABLE}}
{{#CLOSURE}}<p class="closure">{{WINDOW}}</p>{{/CLOSURE}}
{{#CHECKIN_REQUIRED}}<p class="hint checkin-required">Check-in required</p>{{/CHECKIN_REQUIRED}}
{{#INSTANT_BADGE}}<p class="badge ok instant">Confirmed at once</p>{{/INSTANT_BADGE}}
{{#RESTRICTED_BADGE}}<p class="badge off restricted">Restricted</p>{{/RESTRICTED_BADGE}}
</li>
{{/ROOM}}
</ul>
