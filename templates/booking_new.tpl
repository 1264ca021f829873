{{%AUTOESCAPE context="HTML"}}
<h1>Book a room</h1>
<p class="hint">Rooms can be booked from {{OPENING}}. An administrator confirms each request.</p>
{{#NO_ROOMS}}<p class="form-error" role="alert">No room can be booked right now.</p>{{/NO_ROOMS}}
<form class="form wide" method="post" action="/bookings" novalidate>
{{#PROBLEM}}<p class="form-error" role="alert" id="problem" tabindex="-1" autofocus>{{MESSAGE}}</p>{{/PROBLEM}}
{{#HAS_ERRORS}}<p class="form-error" role="alert" id="form-errors">Your request was not sent; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="request_token" value="{{REQUEST_TOKEN}}">
{{#ERR_REQUEST_TOKEN}}<p class="field-error" role="alert" id="request_token-error">{{MESSAGE}}</p>{{/ERR_REQUEST_TOKEN}}
<div class="field">
<label for="room_id">Room</label>
<select id="room_id" name="room_id" required{{#ERR_ROOM_ID}} aria-invalid="true" aria-describedby="room_id-error" autofocus{{/ERR_ROOM_ID}}>
<option value="">Choose a room</option>
{{#ROOM}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} · {{LOCATION}} · seats {{CAPACITY}}</option>
{{/ROOM}}
</select>
{{#ERR_ROOM_ID}}<p class="field-error" id="room_id-error">{{MESSAGE}}</p>{{/ERR_ROOM_ID}}
</div>
<div class="field-row">
<div class="field">
<label for="starts_at">Starts</label>
<input type="datetime-local" id="starts_at" name="starts_at" value="{{STARTS_AT}}" step="{{STEP}}" required{{#ERR_STARTS_AT}} aria-invalid="true" aria-describedby="starts_at-error" autofocus{{/ERR_STARTS_AT}}>
{{#ERR_STARTS_AT}}<p class="field-error" id="starts_at-error">{{MESSAGE}}</p>{{/ERR_STARTS_AT}}
</div>
<div class="field">
<label for="ends_at">Ends</label>
<input type="datetime-local" id="ends_at" name="ends_at" value="{{ENDS_AT}}" step="{{STEP}}" required{{#ERR_ENDS_AT}} aria-invalid="true" aria-describedby="ends_at-error" autofocus{{/ERR_ENDS_AT}}>
{{#ERR_ENDS_AT}}<p class="field-error" id="ends_at-error">{{MESSAGE}}</p>{{/ERR_ENDS_AT}}
</div>
</div>
<div class="field">
<label for="title">Title</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error" autofocus{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
</div>
<div class="field">
<label for="attendees">Attendees</label>
<input type="number" id="attendees" name="attendees" value="{{ATTENDEES}}" min="1" max="10000" required{{#ERR_ATTENDEES}} aria-invalid="true" aria-describedby="attendees-error" autofocus{{/ERR_ATTENDEES}}>
{{#ERR_ATTENDEES}}<p class="field-error" id="attendees-error">{{MESSAGE}}</p>{{/ERR_ATTENDEES}}
</div>
<div class="field check">
<input type="checkbox" id="private" name="private" value="1"{{#PRIVATE_ON}} checked{{/PRIVATE_ON}} aria-describedby="private-hint{{#ERR_PRIVATE}} private-error{{/ERR_PRIVATE}}"{{#ERR_PRIVATE}} aria-invalid="true" autofocus{{/ERR_PRIVATE}}>
<label for="private">Private</label>
<p class="hint" id="private-hint">Colleagues see that the room is taken, never the title.</p>
{{#ERR_PRIVATE}}<p class="field-error" id="private-error">{{MESSAGE}}</p>{{/ERR_PRIVATE}}
</div>
<button class="button" type="submit">Request booking</button>
</form>
