{{%AUTOESCAPE context="HTML"}}
<h1>Your account</h1>
{{#CHANGED}}<p class="notice" role="status">Your password has been changed. Your other sessions have been logged out.{{#TOKENS_REVOKED}} Your API tokens have been revoked: make new ones for the scripts you still use.{{/TOKENS_REVOKED}}</p>{{/CHANGED}}
<dl class="facts">
<dt>Name</dt><dd id="account-name">{{NAME}}</dd>
<dt>Login</dt><dd id="account-login">{{LOGIN}}</dd>
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd id="account-role">{{ROLE}}</dd>
<dt>Member since</dt><dd>{{SINCE}}</dd>
</dl>
<p><a id="tokens-link" href="/account/tokens">API tokens</a>: let scripts and tools use the JSON API as you.</p>
<p><a id="calendars-link" href="/account/calendars">Calendar subscriptions</a>: your bookings, or a room's, in your calendar program.</p>
<h2 id="delegates">Delegates</h2>
<p class="hint" id="delegates-hint">The people you name here may book, change and cancel bookings for you. The bookings stay yours, and each one's history says who acted.</p>
{{#DELEGATES_SAVED}}<p class="notice" role="status" id="delegates-saved">Your delegates have been saved.</p>{{/DELEGATES_SAVED}}
{{#NO_DELEGATES}}<p id="no-delegates">You have named no one.</p>{{/NO_DELEGATES}}
<ul class="delegates" aria-labelledby="delegates">{{#DELEGATE_ROW}}<li><span class="delegate-name">{{NAME}}</span> ({{LOGIN}}) <form class="inline" method="post" action="/account/delegates/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button secondary" type="submit">Remove<span class="visually-hidden"> {{NAME}}</span></button></form></li>
{{/DELEGATE_ROW}}</ul>
<form class="form" method="post" action="/account/delegates" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="delegate">Name a delegate by their login</label>
<input type="text" id="delegate" name="delegate" value="{{DELEGATE}}" maxlength="64" autocapitalize="none" spellcheck="false"{{#ERR_DELEGATE}} aria-invalid="true" aria-describedby="delegate-error" autofocus{{/ERR_DELEGATE}}>
{{#ERR_DELEGATE}}<p class="field-error" id="delegate-error">{{MESSAGE}}</p>{{/ERR_DELEGATE}}
</div>
<button class="button" type="submit">Add the delegate</button>
</form>
{{#FOR_OTHERS}}<p id="principals">You may book for: {{#PRINCIPAL}}<span class="principal">{{NAME}}</span>{{#PRINCIPAL_separator}}, {{/PRINCIPAL_separator}}{{/PRINCIPAL}}.</p>{{/FOR_OTHERS}}
<h2 id="language">Language</h2>
{{#LANGUAGE_SAVED}}<p class="notice" role="status" id="language-saved">Your language has been saved.</p>{{/LANGUAGE_SAVED}}
<form class="form" method="post" action="/account/language" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="language-choice">Pages and messages in</label>
<select id="language-choice" name="language"{{#ERR_LANGUAGE}} aria-invalid="true" aria-describedby="language-error" autofocus{{/ERR_LANGUAGE}}>
<option value="">The language your browser asks for</option>
{{#LANGUAGE_CHOICE}}<option value="{{TAG}}" lang="{{TAG}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{NAME}}</option>
{{/LANGUAGE_CHOICE}}</select>
{{#ERR_LANGUAGE}}<p class="field-error" id="language-error">{{MESSAGE}}</p>{{/ERR_LANGUAGE}}
</div>
<button class="button" type="submit">Save language</button>
</form>
<h2 id="zone">Time zone</h2>
{{#ZONE_SAVED}}<p class="notice" role="status" id="zone-saved">Your time zone has been saved.</p>{{/ZONE_SAVED}}
<form class="form" method="post" action="/account/zone" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="time_zone">Show and take times in</label>
<input type="text" id="time_zone" name="time_zone" value="{{TIME_ZONE}}" placeholder="{{SITE_TIME_ZONE}}" maxlength="63" autocapitalize="none" spellcheck="false" aria-describedby="time_zone-hint{{#ERR_TIME_ZONE}} time_zone-error{{/ERR_TIME_ZONE}}"{{#ERR_TIME_ZONE}} aria-invalid="true" autofocus{{/ERR_TIME_ZONE}}>
<p class="hint" id="time_zone-hint">A time zone by its name, like Asia/Seoul; leave it empty for the site's ({{SITE_TIME_ZONE}}). Opening hours and the day grid stay on the site's clock.</p>
{{#ERR_TIME_ZONE}}<p class="field-error" id="time_zone-error">{{MESSAGE}}</p>{{/ERR_TIME_ZONE}}
</div>
<button class="button" type="submit">Save time zone</button>
</form>
<h2 id="check-in-pin">Check-in PIN</h2>
{{#PIN_SAVED}}<p class="notice" role="status" id="pin-saved">Your PIN has been saved.</p>{{/PIN_SAVED}}
<form class="form" method="post" action="/account/pin" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint" id="pin-hint">Six digits you type on a room's door display to check in to your booking there. Keep them to yourself: after five wrong ones a display stops asking for a quarter of an hour.</p>
<div class="field-row">
<div class="field"><label for="pin">PIN</label>
<input type="password" id="pin" name="pin" inputmode="numeric" autocomplete="new-password" maxlength="6" required aria-describedby="pin-hint{{#ERR_PIN}} pin-error{{/ERR_PIN}}"{{#ERR_PIN}} aria-invalid="true" autofocus{{/ERR_PIN}}>
{{#ERR_PIN}}<p class="field-error" id="pin-error">{{MESSAGE}}</p>{{/ERR_PIN}}</div>
<div class="field"><label for="pin_again">The same again</label>
<input type="password" id="pin_again" name="pin_again" inputmode="numeric" autocomplete="new-password" maxlength="6" required{{#ERR_PIN_AGAIN}} aria-invalid="true" aria-describedby="pin_again-error" autofocus{{/ERR_PIN_AGAIN}}>
{{#ERR_PIN_AGAIN}}<p class="field-error" id="pin_again-error">{{MESSAGE}}</p>{{/ERR_PIN_AGAIN}}</div>
</div>
<button class="button" type="submit">Save PIN</button>
</form>
<h2 id="mail">Mail</h2>
{{#MAIL_SAVED}}<p class="notice" role="status" id="mail-saved">Your choice of mail has been saved.</p>{{/MAIL_SAVED}}
<form class="form" method="post" action="/account/mail" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>Send me mail at {{EMAIL}} about</legend>
<div class="field check"><input type="checkbox" id="mail-requests" name="requests" value="1"{{#WANTS_REQUESTS}} checked{{/WANTS_REQUESTS}}> <label for="mail-requests">new requests for rooms I decide</label></div>
<div class="field check"><input type="checkbox" id="mail-decisions" name="decisions" value="1"{{#WANTS_DECISIONS}} checked{{/WANTS_DECISIONS}}> <label for="mail-decisions">my requests, and whether they are confirmed or denied</label></div>
<div class="field check"><input type="checkbox" id="mail-changes" name="changes" value="1"{{#WANTS_CHANGES}} checked{{/WANTS_CHANGES}}> <label for="mail-changes">bookings cancelled, moved, released or in a room out of use</label></div>
<div class="field check"><input type="checkbox" id="mail-reminders" name="reminders" value="1"{{#WANTS_REMINDERS}} checked{{/WANTS_REMINDERS}}> <label for="mail-reminders">a reminder before each booking begins</label></div>
<div class="field check"><input type="checkbox" id="mail-summary" name="summary" value="1"{{#WANTS_SUMMARY}} checked{{/WANTS_SUMMARY}}> <label for="mail-summary">a daily summary of the requests waiting for my decision</label></div>
</fieldset>
<p class="hint" id="mail-hint">Mail about a booking carries its calendar invitation, so your calendar adds it, changes it and takes it away as the booking changes.</p>
<button class="button" type="submit">Save mail choices</button>
</form>
{{#PASSWORD_FORM}}
<h2 id="change">Change your password</h2>
<form class="form" method="post" action="/account/password" novalidate>
{{#HAS_ERRORS}}<p class="form-error" role="alert">Your password was not changed; see below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="current_password">Current password</label>
<input type="password" id="current_password" name="current_password" autocomplete="current-password" required{{#ERR_CURRENT_PASSWORD}} aria-invalid="true" aria-describedby="current-error" autofocus{{/ERR_CURRENT_PASSWORD}}>
{{#ERR_CURRENT_PASSWORD}}<p class="field-error" id="current-error">{{MESSAGE}}</p>{{/ERR_CURRENT_PASSWORD}}
</div>
<div class="field">
<label for="new_password">New password (at least 8 characters)</label>
<input type="password" id="new_password" name="new_password" autocomplete="new-password" required{{#ERR_NEW_PASSWORD}} aria-invalid="true" aria-describedby="new-error" autofocus{{/ERR_NEW_PASSWORD}}>
{{#ERR_NEW_PASSWORD}}<p class="field-error" id="new-error">{{MESSAGE}}</p>{{/ERR_NEW_PASSWORD}}
</div>
<div class="field">
<label for="confirm_password">New password again</label>
<input type="password" id="confirm_password" name="confirm_password" autocomplete="new-password" required{{#ERR_CONFIRM_PASSWORD}} aria-invalid="true" aria-describedby="confirm-error" autofocus{{/ERR_CONFIRM_PASSWORD}}>
{{#ERR_CONFIRM_PASSWORD}}<p class="field-error" id="confirm-error">{{MESSAGE}}</p>{{/ERR_CONFIRM_PASSWORD}}
</div>
<div class="field check"><input type="checkbox" id="revoke_tokens" name="revoke_tokens" value="1"{{#REVOKE_TOKENS_ON}} checked{{/REVOKE_TOKENS_ON}} aria-describedby="revoke_tokens-hint">
<label for="revoke_tokens">Also revoke my API tokens</label>
<p class="hint" id="revoke_tokens-hint">Scripts that use them stop working until you give them new ones. Leave this ticked if your password may have been seen by someone else.</p></div>
<button class="button" type="submit">Change password</button>
</form>
{{/PASSWORD_FORM}}
{{#SSO}}<p>Your password is managed by your organisation's single sign-on.</p>{{/SSO}}
