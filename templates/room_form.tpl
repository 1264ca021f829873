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
<div class="field"><label for="location">Location (wing, landmark)</label>
<input type="text" id="location" name="location" value="{{LOCATION}}" maxlength="200"{{#ERR_LOCATION}} aria-invalid="true" aria-describedby="location-error" autofocus{{/ERR_LOCATION}}>
{{#ERR_LOCATION}}<p class="field-error" id="location-error">{{MESSAGE}}</p>{{/ERR_LOCATION}}</div>
<div class="field"><label for="floor_id">Building and floor</label>
<select id="floor_id" name="floor_id"{{#ERR_FLOOR_ID}} aria-invalid="true" aria-describedby="floor_id-error" autofocus{{/ERR_FLOOR_ID}}><option value="0">Not given</option>
{{#FLOOR}}<option value="{{FLOOR_ID}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{BUILDING_NAME}} · {{FLOOR_NAME}}</option>
{{/FLOOR}}</select>
{{#NO_FLOORS}}<p class="hint"><a href="/admin/buildings">Add buildings and their floors</a> to place rooms in them.</p>{{/NO_FLOORS}}
{{#ERR_FLOOR_ID}}<p class="field-error" id="floor_id-error">{{MESSAGE}}</p>{{/ERR_FLOOR_ID}}</div>
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
<fieldset class="features"><legend>Equipment</legend>
{{#NO_FEATURES}}<p class="hint">There is no equipment on the list yet. <a href="/admin/features">Keep the list of equipment</a></p>{{/NO_FEATURES}}
{{#FEATURE}}<label class="check"><input type="checkbox" name="features" value="{{FEATURE_NAME}}"{{#CHOSEN}} checked{{/CHOSEN}}> {{FEATURE_NAME}}</label>
{{/FEATURE}}{{#ERR_FEATURES}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERR_FEATURES}}</fieldset>
<fieldset class="policy"><legend>Policy</legend>
<div class="field"><label for="approval">Requests</label>
<select id="approval" name="approval" aria-describedby="approval-hint">
<option value="required"{{#REQUIRED_ON}} selected{{/REQUIRED_ON}}>wait for an approver's decision</option>
<option value="instant"{{#INSTANT_ON}} selected{{/INSTANT_ON}}>are confirmed at once</option>
</select>
<p class="hint" id="approval-hint">Confirmed at once only when every rule and limit holds.</p></div>
<div class="field"><label for="approvers">Approvers</label>
<input type="text" id="approvers" name="approvers" value="{{APPROVERS}}" maxlength="2000" aria-describedby="approvers-hint{{#ERR_APPROVERS}} approvers-error{{/ERR_APPROVERS}}"{{#ERR_APPROVERS}} aria-invalid="true" autofocus{{/ERR_APPROVERS}}>
<p class="hint" id="approvers-hint">Login names, separated by commas. They decide this room's requests and hear of each; administrators always may.</p>
{{#ERR_APPROVERS}}<p class="field-error" id="approvers-error">{{MESSAGE}}</p>{{/ERR_APPROVERS}}</div>
<fieldset class="groups"><legend>Groups</legend>
{{#NO_GROUPS}}<p class="hint">There are no groups yet. <a href="/admin/groups">Make groups</a></p>{{/NO_GROUPS}}
{{#GROUP}}<p class="group-policy"><span class="group-name">{{GROUP_NAME}}</span>
<span class="check"><input type="checkbox" id="approver_group-{{GROUP_ID}}" name="approver_groups" value="{{GROUP_NAME}}"{{#APPROVES}} checked{{/APPROVES}}><label for="approver_group-{{GROUP_ID}}"><span class="visually-hidden">{{GROUP_NAME}}: </span>decide requests</label></span>
<span class="check"><input type="checkbox" id="bookable_by-{{GROUP_ID}}" name="bookable_by" value="{{GROUP_NAME}}"{{#BOOKS}} checked{{/BOOKS}}><label for="bookable_by-{{GROUP_ID}}"><span class="visually-hidden">{{GROUP_NAME}}: </span>may book</label></span></p>
{{/GROUP}}<p class="hint">When some groups may book, only their members can request this room; when none is ticked, everyone may.</p>
{{#ERR_APPROVER_GROUPS}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERR_APPROVER_GROUPS}}{{#ERR_BOOKABLE_BY}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERR_BOOKABLE_BY}}</fieldset>
<div class="field"><label for="buffer_minutes">Buffer (minutes)</label>
<input type="number" id="buffer_minutes" name="buffer_minutes" value="{{BUFFER_MINUTES}}" min="0" max="240" aria-describedby="buffer_minutes-hint{{#ERR_BUFFER_MINUTES}} buffer_minutes-error{{/ERR_BUFFER_MINUTES}}"{{#ERR_BUFFER_MINUTES}} aria-invalid="true" autofocus{{/ERR_BUFFER_MINUTES}}>
<p class="hint" id="buffer_minutes-hint">Kept free before and after each booking, for setting up and cleaning.</p>
{{#ERR_BUFFER_MINUTES}}<p class="field-error" id="buffer_minutes-error">{{MESSAGE}}</p>{{/ERR_BUFFER_MINUTES}}</div>
<fieldset class="limits"><legend>Limits per person</legend>
<p class="hint">Counted over each person's bookings of this room; empty: the site's limit (shown), 0: no limit. Administrators are not limited.</p>
<div class="field"><label for="max_per_day">Bookings a day</label>
<input type="number" id="max_per_day" name="max_per_day" value="{{MAX_PER_DAY}}" min="0" max="1000" placeholder="{{SITE_0}}"{{#ERR_MAX_PER_DAY}} aria-invalid="true" aria-describedby="max_per_day-error" autofocus{{/ERR_MAX_PER_DAY}}>
{{#ERR_MAX_PER_DAY}}<p class="field-error" id="max_per_day-error">{{MESSAGE}}</p>{{/ERR_MAX_PER_DAY}}</div>
<div class="field"><label for="max_per_week">Bookings a week</label>
<input type="number" id="max_per_week" name="max_per_week" value="{{MAX_PER_WEEK}}" min="0" max="1000" placeholder="{{SITE_1}}"{{#ERR_MAX_PER_WEEK}} aria-invalid="true" aria-describedby="max_per_week-error" autofocus{{/ERR_MAX_PER_WEEK}}>
{{#ERR_MAX_PER_WEEK}}<p class="field-error" id="max_per_week-error">{{MESSAGE}}</p>{{/ERR_MAX_PER_WEEK}}</div>
<div class="field"><label for="max_hours_per_week">Hours a week</label>
<input type="number" id="max_hours_per_week" name="max_hours_per_week" value="{{MAX_HOURS_PER_WEEK}}" min="0" max="168" placeholder="{{SITE_2}}"{{#ERR_MAX_HOURS_PER_WEEK}} aria-invalid="true" aria-describedby="max_hours_per_week-error" autofocus{{/ERR_MAX_HOURS_PER_WEEK}}>
{{#ERR_MAX_HOURS_PER_WEEK}}<p class="field-error" id="max_hours_per_week-error">{{MESSAGE}}</p>{{/ERR_MAX_HOURS_PER_WEEK}}</div>
<div class="field"><label for="max_future">Bookings ahead</label>
<input type="number" id="max_future" name="max_future" value="{{MAX_FUTURE}}" min="0" max="1000" placeholder="{{SITE_3}}"{{#ERR_MAX_FUTURE}} aria-invalid="true" aria-describedby="max_future-error" autofocus{{/ERR_MAX_FUTURE}}>
{{#ERR_MAX_FUTURE}}<p class="field-error" id="max_future-error">{{MESSAGE}}</p>{{/ERR_MAX_FUTURE}}</div>
</fieldset></fieldset>
<button class="button" type="submit">Save</button>
</form>
