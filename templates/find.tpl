{{%AUTOESCAPE context="HTML"}}
<h1>Find a room</h1>
<form class="form wide finder" method="get" action="/rooms/find" novalidate aria-labelledby="ask-heading">
<h2 id="ask-heading" class="visually-hidden">What you need</h2>
{{#HAS_ERRORS}}<p class="form-error" role="alert" id="form-errors">Nothing was looked for; please correct what is marked below.</p>{{/HAS_ERRORS}}
<div class="field-row">
<div class="field"><label for="date">Date</label>
<input type="date" id="date" name="date" value="{{DATE}}" required{{#ERR_DATE}} aria-invalid="true" aria-describedby="date-error" autofocus{{/ERR_DATE}}>
{{#ERR_DATE}}<p class="field-error" id="date-error">{{MESSAGE}}</p>{{/ERR_DATE}}</div>
<div class="field"><label for="from">From</label>
<input type="time" id="from" name="from" value="{{FROM}}" required{{#ERR_FROM}} aria-invalid="true" aria-describedby="from-error" autofocus{{/ERR_FROM}}>
{{#ERR_FROM}}<p class="field-error" id="from-error">{{MESSAGE}}</p>{{/ERR_FROM}}</div>
<div class="field"><label for="to">To</label>
<input type="time" id="to" name="to" value="{{TO}}" required{{#ERR_TO}} aria-invalid="true" aria-describedby="to-error" autofocus{{/ERR_TO}}>
{{#ERR_TO}}<p class="field-error" id="to-error">{{MESSAGE}}</p>{{/ERR_TO}}</div>
<div class="field"><label for="minutes">For</label>
<select id="minutes" name="minutes" aria-describedby="minutes-hint{{#ERR_MINUTES}} minutes-error{{/ERR_MINUTES}}"{{#ERR_MINUTES}} aria-invalid="true" autofocus{{/ERR_MINUTES}}>
<option value="0">the whole time</option>
<option value="30"{{#MINUTES_30}} selected{{/MINUTES_30}}>any 30 minutes of it</option>
<option value="60"{{#MINUTES_60}} selected{{/MINUTES_60}}>any hour of it</option>
<option value="90"{{#MINUTES_90}} selected{{/MINUTES_90}}>any 90 minutes of it</option>
<option value="120"{{#MINUTES_120}} selected{{/MINUTES_120}}>any 2 hours of it</option>
</select>
<p class="hint" id="minutes-hint">“Any hour of it” finds a room for an hour anywhere between From and To.</p>
{{#ERR_MINUTES}}<p class="field-error" id="minutes-error">{{MESSAGE}}</p>{{/ERR_MINUTES}}</div>
<div class="field"><label for="people">People</label>
<input type="number" id="people" name="people" value="{{PEOPLE}}" min="1" max="10000" required{{#ERR_PEOPLE}} aria-invalid="true" aria-describedby="people-error" autofocus{{/ERR_PEOPLE}}>
{{#ERR_PEOPLE}}<p class="field-error" id="people-error">{{MESSAGE}}</p>{{/ERR_PEOPLE}}</div>
</div>
{{#HAS_BUILDINGS}}<div class="field"><label for="building">Preferably in</label>
<select id="building" name="building"><option value="">any building</option>
{{#BUILDING}}<option value="{{BUILDING_ID}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{BUILDING_NAME}}</option>
{{/BUILDING}}</select></div>{{/HAS_BUILDINGS}}
{{#HAS_FEATURES}}<fieldset class="field features"><legend>Equipment needed</legend>
{{#FEATURE}}<label class="check"><input type="checkbox" name="feature" value="{{FEATURE_NAME}}"{{#CHOSEN}} checked{{/CHOSEN}}> {{FEATURE_NAME}}</label>
{{/FEATURE}}{{#ERR_FEATURE}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERR_FEATURE}}</fieldset>{{/HAS_FEATURES}}
<div class="field"><label for="title">What for</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" placeholder="Meeting"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error" autofocus{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}</div>
<button class="button" type="submit" id="find">Find rooms</button>
</form>
<form class="inline" method="get" action="/rooms/find"><input type="hidden" name="now" value="1"><button class="button secondary" type="submit" id="free-now">Free now</button> <span class="hint">Rooms free from now for at least 30 minutes, for a meeting on the spot.</span></form>
{{#ASKED}}<section class="found" aria-labelledby="found-heading"><h2 id="found-heading" tabindex="-1" autofocus>Free rooms</h2>
<ol class="offers" id="offers">
{{#OFFER}}<li class="offer">{{>OFFER_ITEM}}</li>
{{/OFFER}}</ol>
{{#NONE}}<p id="none-fits">No room fits all of it at that time.</p>
{{#TIMES}}<h3 id="times-heading">Other times</h3>
<ul class="offers" id="other-times" aria-labelledby="times-heading">
{{#TIME}}<li class="offer">{{>OFFER_ITEM}}</li>
{{/TIME}}</ul>{{/TIMES}}
{{#RELAXED}}<h3 id="relaxed-heading">With one thing less</h3>
<ul class="offers" id="relaxed" aria-labelledby="relaxed-heading">
{{#ALT}}<li class="offer">{{>OFFER_ITEM}}</li>
{{/ALT}}</ul>{{/RELAXED}}
{{/NONE}}</section>{{/ASKED}}
{{#NOW}}<section class="found" aria-labelledby="now-heading"><h2 id="now-heading" tabindex="-1" autofocus>Free now</h2>
<ol class="offers" id="offers">
{{#OFFER}}<li class="offer">{{>OFFER_ITEM}}</li>
{{/OFFER}}</ol>
{{#NONE}}<p id="none-fits">No room is free now for 30 minutes.</p>
{{#CLOSED_NOW}}<p class="hint" id="closed-now">Rooms can be booked {{OPENING}}.</p>{{/CLOSED_NOW}}{{/NONE}}</section>{{/NOW}}
