{{%AUTOESCAPE context="HTML"}}
<h1>Rooms</h1>
{{#DELETED}}<p class="notice" role="status">The room has been deleted.</p>{{/DELETED}}
{{#ADMIN}}<p><a class="button" href="/admin/rooms/new">Add a room</a></p>{{/ADMIN}}
<form class="filters" method="get" action="/rooms">
{{>FILTER_FIELDS}}
<button class="button" type="submit">Filter</button>
</form>
{{#NO_ROOMS}}<p id="no-rooms">No room matches.</p>{{/NO_ROOMS}}
<ul class="rooms">
{{#ROOM}}
<li class="room" id="room-{{ID}}">
<h2><a href="/rooms/{{ID}}">{{NAME}}</a></h2>
{{#PHOTO}}<img class="room-thumb" src="/photos/{{PHOTO_NAME}}.jpg" alt="" loading="lazy">{{/PHOTO}}
<p class="meta">{{#PLACED}}<span class="place">{{BUILDING_NAME}} · {{FLOOR_NAME}}</span> · {{/PLACED}}{{LOCATION}} · seats {{CAPACITY}}</p>
{{#FEATURES}}<ul class="equipment" aria-label="Equipment">{{#FEATURE}}<li>{{FEATURE_NAME}}</li>{{/FEATURE}}</ul>{{/FEATURES}}
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
