{{%AUTOESCAPE context="HTML"}}
<h1>Book a room</h1>
<p class="hint">Rooms can be booked from {{OPENING}}. An administrator confirms each request.</p>
{{#NO_ROOMS}}<p class="form-error" role="alert">No room can be booked right now.</p>{{/NO_ROOMS}}
<form class="form wide" method="post" action="/bookings" novalidate>
<button class="default-action" type="submit" name="action" value="save" tabindex="-1">Request booking</button>
{{#PROBLEM}}<p class="form-error" role="alert" id="problem" tabindex="-1" autofocus>{{MESSAGE}}</p>{{/PROBLEM}}
{{#HAS_ERRORS}}<p class="form-error" role="alert" id="form-errors">Your request was not sent; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="request_token" value="{{REQUEST_TOKEN}}">
{{#ERR_REQUEST_TOKEN}}<p class="field-error" role="alert" id="request_token-error">{{MESSAGE}}</p>{{/ERR_REQUEST_TOKEN}}
{{#FOR_SOMEONE}}<div class="field">
<label for="owner">Book for</label>
<input type="text" id="owner" name="owner" value="{{OWNER}}" list="principals" maxlength="64" placeholder="{{ME}}" aria-describedby="owner-hint{{#ERR_OWNER}} owner-error{{/ERR_OWNER}}"{{#ERR_OWNER}} aria-invalid="true" autofocus{{/ERR_OWNER}}>
<datalist id="principals"><option value="{{ME}}">{{#PRINCIPAL}}<option value="{{LOGIN}}">{{NAME}}</option>{{/PRINCIPAL}}</datalist>
{{#ANYONE}}<p class="hint" id="owner-hint">Leave it empty to book for yourself; give someone's login to book for them.</p>{{/ANYONE}}{{#DELEGATE_ONLY}}<p class="hint" id="owner-hint">Leave it empty to book for yourself; give the login of someone who named you their delegate to book for them.</p>{{/DELEGATE_ONLY}}
{{#ERR_OWNER}}<p class="field-error" id="owner-error">{{MESSAGE}}</p>{{/ERR_OWNER}}
</div>{{/FOR_SOMEONE}}
{{>FIELDS}}
<div class="field check">
<input type="checkbox" id="private" name="private" value="1"{{#PRIVATE_ON}} checked{{/PRIVATE_ON}} aria-describedby="private-hint{{#ERR_PRIVATE}} private-error{{/ERR_PRIVATE}}"{{#ERR_PRIVATE}} aria-invalid="true" autofocus{{/ERR_PRIVATE}}>
<label for="private">Private</label>
<p class="hint" id="private-hint">Colleagues see that the room is taken, never the title.</p>
{{#ERR_PRIVATE}}<p class="field-error" id="private-error">{{MESSAGE}}</p>{{/ERR_PRIVATE}}
</div>
<button class="button" type="submit" name="action" value="save" id="request">Request booking</button>
</form>
