{{%AUTOESCAPE context="HTML"}}
{{#ADD}}<h1>Add a room</h1>{{/ADD}}
{{#EDIT}}<h1>Edit room</h1>{{/EDIT}}
{{#CONFLICT}}<div class="form-error" role="alert" id="conflict" tabindex="-1" autofocus><p>Someone saved this room while you were editing it; nothing of yours was saved. This is the room as saved now, beside what you entered. Save again to replace it with yours.</p>
<table class="list"><thead><tr><th scope="col">Field</th><th scope="col">Saved now</th><th scope="col">Yours</th></tr></thead><tbody>
{{#CHANGE}}<tr{{#DIFFERS}} class="differs"{{/DIFFERS}}><th scope="row">{{FIELD}}</th><td class="saved">{{SAVED}}</td><td class="yours">{{YOURS}}</td></tr>
{{/CHANGE}}</tbody></table></div>{{/CONFLICT}}
{{#ADD}}<form class="form wide" method="post" action="/admin/rooms" novalidate>{{/ADD}}
{{#EDIT}}<form class="form wide" method="post" action="/admin/rooms/{{ID}}" novalidate>{{/EDIT}}
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EDIT}}<input type="hidden" name="version" value="{{VERSION}}">{{/EDIT}}
{{#ERR_VERSION}}<p class="field-error" role="alert" id="version-error">{{MESSAGE}}</p>{{/ERR_VERSION}}
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="location">Location (floor, building)</label>
<input type="text" id="location" name="location" value="{{LOCATION}}" maxlength="200"{{#ERR_LOCATION}} aria-invalid="true" aria-describedby="location-error" autofocus{{/ERR_LOCATION}}>
{{#ERR_LOCATION}}<p class="field-error" id="location-error">{{MESSAGE}}</p>{{/ERR_LOCATION}}</div>
<div class="field"><label for="capacity">Seats</label>
<input type="number" id="capacity" name="capacity" value="{{CAPACITY}}" min="1" max="10000" required{{#ERR_CAPACITY}} aria-invalid="true" aria-describedby="capacity-error" autofocus{{/ERR_CAPACITY}}>
{{#ERR_CAPACITY}}<p class="field-error" id="capacity-error">{{MESSAGE}}</p>{{/ERR_CAPACITY}}</div>
<div class="field"><label for="description">Description</label>
<textarea id="description" name="description" rows="4" maxlength="2000"{{#ERR_DESCRIPTION}} aria-invalid="true" aria-describedby="description-error" autofocus{{/ERR_DESCRIPTION}}>{{DESCRIPTION}}</textarea>
{{#ERR_DESCRIPTION}}<p class="field-error" id="description-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}</div>
<div class="field check"><input type="checkbox" id="checkin_required" name="checkin_required" value="1"{{#CHECKIN_REQUIRED_ON}} checked{{/CHECKIN_REQUIRED_ON}}{{#ERR_CHECKIN_REQUIRED}} aria-invalid="true" autofocus{{/ERR_CHECKIN_REQUIRED}} aria-describedby="checkin_required-hint{{#ERR_CHECKIN_REQUIRED}} checkin_required-error{{/ERR_CHECKIN_REQUIRED}}">
<label for="checkin_required">Check-in required</label>
<p class="hint" id="checkin_required-hint">People must check in when their meeting starts; a confirmed booking nobody checks into is released for others.</p>
{{#ERR_CHECKIN_REQUIRED}}<p class="field-error" id="checkin_required-error">{{MESSAGE}}</p>{{/ERR_CHECKIN_REQUIRED}}</div>
<button class="button" type="submit">Save</button>
</form>
