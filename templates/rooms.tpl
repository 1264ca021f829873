{{%AUTOESCAPE context="HTML"}}
<h1>Rooms</h1>
{{#NO_ROOMS}}<p>No rooms have been added yet.</p>{{/NO_ROOMS}}
<ul class="rooms">
{{#ROOM}}
<li class="room">
<h2>{{NAME}}</h2>
<p class="meta">{{LOCATION}} · seats {{CAPACITY}}</p>
<p>{{DESCRIPTION}}</p>
{{#AVAILABLE}}<p class="badge ok">Available</p>
<p><a class="button" href="/bookings/new?room_id={{ID:u}}">Book</a></p>{{/AVAILABLE}}
{{#UNAVAILABLE}}<p class="badge off">Unavailable: {{REASON}}</p>{{/UNAVAILABLE}}
</li>
{{/ROOM}}
</ul>
