{{%AUTOESCAPE context="HTML"}}
<h1>Change “{{BOOKING_TITLE}}”</h1>
<p class="hint" id="change-hint">It stays the same booking, with its history. A confirmed booking moved to another time or room waits for approval again.</p>
{{#NO_ROOMS}}<p class="form-error" role="alert">No room can be booked right now.</p>{{/NO_ROOMS}}
<form class="form wide" method="post" action="/bookings/{{ID}}/edit" novalidate>
<button class="default-action" type="submit" name="action" value="save" tabindex="-1">Save the change</button>
{{#PROBLEM}}<p class="form-error" role="alert" id="problem" tabindex="-1" autofocus>{{MESSAGE}}</p>{{/PROBLEM}}
{{#HAS_ERRORS}}<p class="form-error" role="alert" id="form-errors">Nothing was changed; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#ERR_VERSION}}<p class="field-error" role="alert" id="version-error">{{MESSAGE}}</p>{{/ERR_VERSION}}
{{>FIELDS}}
<button class="button" type="submit" name="action" value="save" id="save-change">Save the change</button>
<a class="button secondary" href="/bookings/{{ID}}" id="keep">Keep it as it is</a>
</form>
