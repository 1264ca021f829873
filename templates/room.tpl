{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
{{#NOTICE}}<div class="notice" role="status" id="notice"><p>{{MESSAGE}}</p>
<ul class="listed">{{#LISTED}}<li><a href="/bookings/{{BOOKING_ID}}">{{TITLE}}</a> · {{WHEN}} · {{OWNER_NAME}} · {{ATTENDEES}} attending{{#ENDED_EARLY}} · <strong class="ended-early">ended early: it was in use</strong>{{/ENDED_EARLY}}</li>
{{/LISTED}}</ul></div>{{/NOTICE}}
{{#PHOTO}}<img class="room-photo" src="/photos/{{PHOTO_NAME}}.jpg" alt="Photo of {{NAME}}">{{/PHOTO}}
{{#PLACED}}<p class="meta" id="place"><a href="/rooms?building={{BUILDING_ID:u}}">{{BUILDING_NAME}}</a> · <a href="/rooms?floor={{FLOOR_ID:u}}">{{FLOOR_NAME}}</a></p>{{/PLACED}}
<p class="meta" id="facts">{{LOCATION}} · seats {{CAPACITY}}</p>
{{#FEATURES}}<h2 class="visually-hidden" id="equipment-heading">Equipment</h2><ul class="equipment" aria-labelledby="equipment-heading">{{#FEATURE}}<li>{{FEATURE_NAME}}</li>{{/FEATURE}}</ul>{{/FEATURES}}
<p>{{DESCRIPTION}}</p>
<p><a id="week-link" href="/status/rooms/{{ID}}">This room's week</a></p>
{{#AVAILABLE}}<p class="badge ok" id="state">Available</p>
<p><a class="button" href="/bookings/new?room_id={{ID:u}}">Book this room</a></p>{{/AVAILABLE}}
{{#UNAVAILABLE}}<p class="badge off" id="state">Unavailable: {{REASON}}</p>{{/UNAVAILABLE}}
{{#CLOSURE}}<p class="closure" id="closure">{{WINDOW}} <span class="reason">{{REASON}}</span></p>{{/CLOSURE}}
{{#CHECKIN_REQUIRED}}<p class="hint" id="checkin-required">Check-in required: check in when your meeting starts, or the booking is released for others.</p>{{/CHECKIN_REQUIRED}}
{{#POLICY}}<section class="policy" id="policy" aria-labelledby="policy-heading"><h2 id="policy-heading">Policy</h2>
<ul class="policy-list">
{{#INSTANT}}<li id="policy-approval">Requests are confirmed at once when every rule holds.</li>{{/INSTANT}}
{{#APPROVAL}}<li id="policy-approval">Requests wait for an approver's decision.</li>
{{#APPROVERS}}<li id="policy-approvers">Approvers besides the administrators: {{#APPROVER}}<span class="approver">{{NAME}}</span>{{#APPROVER_separator}}, {{/APPROVER_separator}}{{/APPROVER}}</li>{{/APPROVERS}}{{/APPROVAL}}
{{#RESTRICTED}}<li id="policy-bookable">Restricted; only these groups' members may book it: {{#BOOKABLE_GROUP}}<span class="group">{{NAME}}</span>{{#BOOKABLE_GROUP_separator}}, {{/BOOKABLE_GROUP_separator}}{{/BOOKABLE_GROUP}}</li>{{/RESTRICTED}}
{{#BUFFER}}<li id="policy-buffer">{{MINUTES}} minutes are kept free before and after each booking.</li>{{/BUFFER}}
{{#LIMIT}}<li class="policy-limit">{{WORDS}}.</li>{{/LIMIT}}
</ul></section>{{/POLICY}}
{{#LOG_IN_TO_SEE}}<p><a href="/login">Log in</a> to see this room's bookings and history.</p>{{/LOG_IN_TO_SEE}}
{{#MEMBER}}<h2 id="upcoming">Upcoming bookings</h2>
{{#NO_BOOKINGS}}<p>None.</p>{{/NO_BOOKINGS}}
<ul class="bookings" aria-labelledby="upcoming">
{{#BOOKING}}<li class="booking">{{WHEN}} · <strong>{{TITLE}}</strong> <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#OWNER}} · <span class="owner">{{OWNER_NAME}}</span>{{/OWNER}}{{#DETAILS}} · <a href="/bookings/{{BOOKING_ID}}">details</a>{{/DETAILS}}</li>
{{/BOOKING}}
</ul>{{/MEMBER}}
{{#ADMIN}}
<h2 id="manage">Manage</h2>
<p><a class="button" href="/admin/rooms/{{ID}}/edit">Edit</a></p>
<form class="form" method="post" action="/admin/rooms/{{ID}}/photo" enctype="multipart/form-data" aria-labelledby="photo-heading">
<h3 id="photo-heading">Photo</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="photo">{{#HAS_PHOTO}}A new photo{{/HAS_PHOTO}}{{#NO_PHOTO}}A photo of the room{{/NO_PHOTO}}</label>
<input type="file" id="photo" name="photo" accept="image/jpeg,image/png" required aria-describedby="photo-hint{{#ERR_PHOTO}} photo-error{{/ERR_PHOTO}}"{{#ERR_PHOTO}} aria-invalid="true" autofocus{{/ERR_PHOTO}}>
<p class="hint" id="photo-hint">A JPEG or PNG file of up to {{PHOTO_MAX_MB}} MB. It is kept 960 pixels wide, its pixels only.</p>
{{#ERR_PHOTO}}<p class="field-error" id="photo-error">{{MESSAGE}}</p>{{/ERR_PHOTO}}</div>
<button class="button" type="submit">Upload the photo</button>
</form>
{{#HAS_PHOTO}}<form method="post" action="/admin/rooms/{{ID}}/photo/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit" id="remove-photo">Take the photo away</button></form>{{/HAS_PHOTO}}
<h3 id="displays">Door displays</h3>
{{#NO_DISPLAYS}}<p>No tablet by this room's door shows its day yet.</p>{{/NO_DISPLAYS}}
<ul class="displays">
{{#DISPLAY}}<li class="display"><strong class="display-name">{{DISPLAY_NAME}}</strong>{{#SEEN}} · last asked {{AT}}{{/SEEN}}{{#PAIRED}} · paired{{/PAIRED}}{{#LINK_WAITS}} · its pairing link waits to be opened{{/LINK_WAITS}}{{#LINK_OLD}} · its pairing link is too old{{/LINK_OLD}}{{#REVOKED}} · revoked {{AT}}{{/REVOKED}}
{{#LIVE}}<form class="inline" method="post" action="/admin/rooms/{{ID}}/displays/{{DISPLAY_ID}}/link"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">New pairing link<span class="visually-hidden"> for {{DISPLAY_NAME}}</span></button></form>
<form class="inline" method="post" action="/admin/rooms/{{ID}}/displays/{{DISPLAY_ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Revoke<span class="visually-hidden"> {{DISPLAY_NAME}}</span></button></form>{{/LIVE}}</li>
{{/DISPLAY}}</ul>
<form class="form" method="post" action="/admin/rooms/{{ID}}/displays" novalidate aria-labelledby="display-heading">
<h4 id="display-heading">Add a door display</h4>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="display_name">Its name</label>
<input type="text" id="display_name" name="display_name" value="{{DISPLAY_NAME}}" maxlength="100" required aria-describedby="display_name-hint{{#ERR_DISPLAY_NAME}} display_name-error{{/ERR_DISPLAY_NAME}}"{{#ERR_DISPLAY_NAME}} aria-invalid="true" autofocus{{/ERR_DISPLAY_NAME}}>
<p class="hint" id="display_name-hint">Where the tablet is, e.g. "By the door". Its walk-ins and check-ins carry this name.</p>
{{#ERR_DISPLAY_NAME}}<p class="field-error" id="display_name-error">{{MESSAGE}}</p>{{/ERR_DISPLAY_NAME}}</div>
<div class="field"><label for="language">Its language</label>
<select id="language" name="language"><option value="">The site's</option>
{{#LANGUAGE_CHOICE}}<option value="{{TAG}}" lang="{{TAG}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{NAME}}</option>
{{/LANGUAGE_CHOICE}}</select></div>
<button class="button" type="submit">Add, and show its pairing link</button>
</form>
{{#CAN_CLOSE}}
<form class="form" method="post" action="/admin/rooms/{{ID}}/unavailable" novalidate aria-labelledby="close-heading">
<h3 id="close-heading">Close the room for a time</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field-row">
<div class="field"><label for="closed_from">From</label>
<input type="datetime-local" id="closed_from" name="closed_from" value="{{CLOSED_FROM}}" aria-describedby="closed_from-hint{{#ERR_CLOSED_FROM}} closed_from-error{{/ERR_CLOSED_FROM}}"{{#ERR_CLOSED_FROM}} aria-invalid="true" autofocus{{/ERR_CLOSED_FROM}}>
<p class="hint" id="closed_from-hint">Empty: from now.</p>
{{#ERR_CLOSED_FROM}}<p class="field-error" id="closed_from-error">{{MESSAGE}}</p>{{/ERR_CLOSED_FROM}}</div>
<div class="field"><label for="closed_until">Until</label>
<input type="datetime-local" id="closed_until" name="closed_until" value="{{CLOSED_UNTIL}}" aria-describedby="closed_until-hint{{#ERR_CLOSED_UNTIL}} closed_until-error{{/ERR_CLOSED_UNTIL}}"{{#ERR_CLOSED_UNTIL}} aria-invalid="true" autofocus{{/ERR_CLOSED_UNTIL}}>
<p class="hint" id="closed_until-hint">Empty: until further notice. The room opens again by itself then.</p>
{{#ERR_CLOSED_UNTIL}}<p class="field-error" id="closed_until-error">{{MESSAGE}}</p>{{/ERR_CLOSED_UNTIL}}</div>
</div>
<div class="field"><label for="reason">Reason (everyone whose booking is cancelled sees it)</label>
<input type="text" id="reason" name="reason" value="{{REASON}}" maxlength="500" required{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-error" autofocus{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}</div>
<button class="button" type="submit">Continue: see the bookings it cancels</button>
</form>
{{/CAN_CLOSE}}
{{#CAN_OPEN}}<form method="post" action="/admin/rooms/{{ID}}/available"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Make available again</button></form>{{/CAN_OPEN}}
{{#CAN_CALL_OFF}}<form method="post" action="/admin/rooms/{{ID}}/available"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Call off the planned closure</button></form>{{/CAN_CALL_OFF}}
{{#CAN_DELETE}}<form method="post" action="/admin/rooms/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Delete this room</button></form>{{/CAN_DELETE}}
{{/ADMIN}}
{{#MEMBER}}<h2 id="history">History</h2>
<ol class="history" aria-labelledby="history">
{{#EVENT}}<li class="event"><span class="event-kind">{{KIND}}</span> by <span class="event-by">{{BY}}</span>, <time>{{AT}}</time>{{#EVENT_WINDOW}} ({{SPAN}}){{/EVENT_WINDOW}}{{#EVENT_OPEN_ENDED}} (from {{FROM}}){{/EVENT_OPEN_ENDED}}{{#EVENT_REASON}}: <span class="event-reason">{{TEXT}}</span>{{/EVENT_REASON}}{{#EVENT_CANCELLED}} ({{COUNT}} bookings cancelled){{/EVENT_CANCELLED}}</li>
{{/EVENT}}
</ol>{{/MEMBER}}
<p><a href="/rooms">All rooms</a></p>
