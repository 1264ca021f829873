{{%AUTOESCAPE context="HTML"}}
<div class="field">
<label for="room_id">Room</label>
<select id="room_id" name="room_id" required{{#ERR_ROOM_ID}} aria-invalid="true" aria-describedby="room_id-error" autofocus{{/ERR_ROOM_ID}}>
<option value="">Choose a room</option>
{{#ROOM}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} · {{LOCATION}} · seats {{CAPACITY}}{{#INSTANT}} · confirmed at once{{/INSTANT}}{{#RESTRICTED}} · restricted{{/RESTRICTED}}</option>
{{/ROOM}}
</select>
{{#ERR_ROOM_ID}}<p class="field-error" id="room_id-error">{{MESSAGE}}</p>{{/ERR_ROOM_ID}}
{{#STANDING}}<p class="hint standing" id="standing">Your bookings of {{ROOM_NAME}}: {{#LIMIT}}<span class="limit">{{WORDS}}</span>{{#LIMIT_separator}} · {{/LIMIT_separator}}{{/LIMIT}}.</p>{{/STANDING}}
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
<input type="number" id="attendees" name="attendees" value="{{ATTENDEES}}" min="1" max="10000" required aria-describedby="attendees-hint{{#ERR_ATTENDEES}} attendees-error{{/ERR_ATTENDEES}}"{{#ERR_ATTENDEES}} aria-invalid="true" autofocus{{/ERR_ATTENDEES}}>
<p class="hint" id="attendees-hint">Everyone who will be there, named below or not.</p>
{{#ERR_ATTENDEES}}<p class="field-error" id="attendees-error">{{MESSAGE}}</p>{{/ERR_ATTENDEES}}
</div>
<fieldset class="participants" id="participants" aria-describedby="participants-hint{{#ERR_PARTICIPANT}} participant-error{{/ERR_PARTICIPANT}}">
<legend>Participants</legend>
<p class="hint" id="participants-hint">People here by name or login, and guests by e-mail address; they see the booking and are told of changes. Untick someone to leave them out.</p>
{{#ERR_PARTICIPANT}}<p class="field-error" id="participant-error">{{MESSAGE}}</p>{{/ERR_PARTICIPANT}}
<ul class="picked">{{#PICKED}}<li class="field check"><input type="checkbox" id="picked-{{N}}" name="participant" value="{{VALUE}}" checked> <label for="picked-{{N}}">{{LABEL}}</label></li>
{{/PICKED}}</ul>
<div class="field find">
<label for="find">Add: a name, a login or an e-mail address</label>
<input type="search" id="find" name="find" value="{{FIND}}" maxlength="100"{{#ERR_FIND}} aria-invalid="true" aria-describedby="find-error" autofocus{{/ERR_FIND}}>
<button class="button secondary" type="submit" name="action" value="find" id="find-button">Find</button>
{{#ERR_FIND}}<p class="field-error" id="find-error">{{MESSAGE}}</p>{{/ERR_FIND}}
</div>
{{#FOUND_SOME}}<p class="hint" id="found-hint">Tick whom to add, then find more or send the form.</p>
<ul class="found" aria-labelledby="found-hint">{{#FOUND}}<li class="field check"><input type="checkbox" id="found-{{N}}" name="participant" value="{{VALUE}}"> <label for="found-{{N}}">{{LABEL}}</label></li>
{{/FOUND}}</ul>{{/FOUND_SOME}}
{{#FOUND_NONE}}<p class="hint" id="found-none" role="status">No one here matches “{{FIND}}”.</p>{{/FOUND_NONE}}
</fieldset>
