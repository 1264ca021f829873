{{%AUTOESCAPE context="HTML"}}
<form class="offer-form" method="post" action="/bookings">
<p><a class="room" href="/rooms/{{ROOM_ID}}">{{ROOM_NAME}}</a> · <span class="when">{{WHEN}}</span>{{#FREE_UNTIL}} · <span class="until">free until {{UNTIL}}</span>{{/FREE_UNTIL}}</p>
<p class="meta">{{#PLACED}}{{BUILDING_NAME}} · {{FLOOR_NAME}} · {{/PLACED}}seats {{SEATS}}{{#INSTANT}} · confirmed at once{{/INSTANT}}{{#ASKS_APPROVAL}} · an approver decides{{/ASKS_APPROVAL}}{{#WITHOUT}} · <strong class="without">without {{FEATURE}}</strong>{{/WITHOUT}}{{#FEWER_SEATS}} · <strong class="without">fewer seats than asked</strong>{{/FEWER_SEATS}}</p>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="request_token" value="{{REQUEST_TOKEN}}">
<input type="hidden" name="room_id" value="{{ROOM_ID}}">
<input type="hidden" name="starts_at" value="{{STARTS_AT}}">
<input type="hidden" name="ends_at" value="{{ENDS_AT}}">
<input type="hidden" name="attendees" value="{{ATTENDEES}}">
<input type="hidden" name="title" value="{{TITLE}}">
<button class="button" type="submit">Book<span class="visually-hidden"> {{ROOM_NAME}}, {{WHEN}}</span></button>
</form>
