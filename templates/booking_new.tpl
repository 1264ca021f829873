{{%AUTOESCAPE context="HTML"}}
<h1>Book a room</h1>
<p class="hint">Rooms can be booked from {{OPENING}}. An administrator confirms each request.</p>
{{#NO_ROOMS}}<p class="form-error" role="alert">No room can be booked right now.</p>{{/NO_ROOMS}}
{{#SUGGESTION}}<div class="suggestion" id="suggestion"><p class="form-error" role="alert" id="problem" tabindex="-1" autofocus>{{MESSAGE}}</p>
<p>This room is like it and free then:</p>{{>OFFER_ITEM}}</div>{{/SUGGESTION}}
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
<details class="repeat" id="repeat"{{#REPEAT_OPEN}} open{{/REPEAT_OPEN}}>
<summary id="repeat-summary">Repeat</summary>
<p class="hint" id="repeat-hint">Each date is a booking of its own, at the same local time. At most {{MAX_OCCURRENCES}} dates, up to {{SERIES_HORIZON}} days ahead.</p>
{{#ERR_RECURRENCE}}<p class="field-error" role="alert" id="recurrence-error">{{MESSAGE}}</p>{{/ERR_RECURRENCE}}
<div class="field-row">
<div class="field">
<label for="repeat-freq">Repeats</label>
<select id="repeat-freq" name="repeat">
{{#FREQ}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FREQ}}</select>
</div>
<div class="field">
<label for="interval">Every how many days, weeks or months</label>
<input type="number" id="interval" name="interval" value="{{INTERVAL}}" min="1" max="99"{{#ERR_INTERVAL}} aria-invalid="true" aria-describedby="interval-error" autofocus{{/ERR_INTERVAL}}>
{{#ERR_INTERVAL}}<p class="field-error" id="interval-error">{{MESSAGE}}</p>{{/ERR_INTERVAL}}
</div>
</div>
<fieldset class="choices" aria-describedby="weekday-hint{{#ERR_WEEKDAY}} weekday-error{{/ERR_WEEKDAY}}">
<legend>On</legend>
<p class="hint" id="weekday-hint">Weekly: the days of the week. Monthly on a weekday: the weekday. None ticked: the start's.</p>
{{#ERR_WEEKDAY}}<p class="field-error" id="weekday-error">{{MESSAGE}}</p>{{/ERR_WEEKDAY}}
{{#WEEKDAY}}<span class="check"><input type="checkbox" id="weekday-{{VALUE}}" name="weekday" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="weekday-{{VALUE}}">{{LABEL}}</label></span>
{{/WEEKDAY}}</fieldset>
<fieldset class="choices" aria-describedby="monthly-hint{{#ERR_NTH}} nth-error{{/ERR_NTH}}">
<legend>Monthly</legend>
<p class="hint" id="monthly-hint">On the start's day of the month, or on weekdays of chosen weeks, such as the first and third Tuesday.</p>
{{#ERR_NTH}}<p class="field-error" id="nth-error">{{MESSAGE}}</p>{{/ERR_NTH}}
<span class="check"><input type="radio" id="monthly-day" name="monthly_by" value="day"{{#BY_DAY}} checked{{/BY_DAY}}> <label for="monthly-day">On the same day of the month</label></span>
<span class="check"><input type="radio" id="monthly-weekday" name="monthly_by" value="weekday"{{#BY_WEEKDAY}} checked{{/BY_WEEKDAY}}> <label for="monthly-weekday">On the weekday of the weeks ticked:</label></span>
{{#NTH}}<span class="check"><input type="checkbox" id="nth-{{N}}" name="nth" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="nth-{{N}}">{{LABEL}}</label></span>
{{/NTH}}</fieldset>
<fieldset class="choices">
<legend>Ends</legend>
<div class="field-row">
<div class="field">
<span class="check"><input type="radio" id="ends-count" name="ends" value="count"{{#ENDS_COUNT}} checked{{/ENDS_COUNT}}> <label for="ends-count">After a number of times</label></span>
<label for="count">Times</label>
<input type="number" id="count" name="count" value="{{COUNT}}" min="1" max="9999"{{#ERR_COUNT}} aria-invalid="true" aria-describedby="count-error" autofocus{{/ERR_COUNT}}>
{{#ERR_COUNT}}<p class="field-error" id="count-error">{{MESSAGE}}</p>{{/ERR_COUNT}}
</div>
<div class="field">
<span class="check"><input type="radio" id="ends-until" name="ends" value="until"{{#ENDS_UNTIL}} checked{{/ENDS_UNTIL}}> <label for="ends-until">On a date (that whole day included)</label></span>
<label for="until">Last date</label>
<input type="date" id="until" name="until" value="{{UNTIL}}"{{#ERR_UNTIL}} aria-invalid="true" aria-describedby="until-error" autofocus{{/ERR_UNTIL}}>
{{#ERR_UNTIL}}<p class="field-error" id="until-error">{{MESSAGE}}</p>{{/ERR_UNTIL}}
</div>
</div>
</fieldset>
<button class="button secondary" type="submit" name="action" value="preview" id="preview-button">Check the dates</button>
</details>
{{#PLAN}}<section class="plan" id="plan" aria-labelledby="plan-summary">
<p id="plan-summary" role="status" tabindex="-1" autofocus>{{SUMMARY}}</p>
<table class="dates">
<thead><tr><th scope="col">Date</th><th scope="col">Time</th><th scope="col">Free?</th></tr></thead>
<tbody>{{#DATE}}<tr class="date {{STATE}}"><th scope="row">{{DAY}}</th><td>{{WHEN}}</td><td>{{WHY}}</td></tr>
{{/DATE}}</tbody>
</table>
{{#ALL_FREE}}<p class="hint">Every date is free; request the series below.</p>{{/ALL_FREE}}
{{#MAY_SKIP}}<button class="button" type="submit" name="skip_conflicts" value="1" id="skip-button">{{LABEL}}</button>{{/MAY_SKIP}}
{{#CANNOT_SKIP}}<p class="form-error">{{MESSAGE}}</p>{{/CANNOT_SKIP}}
</section>{{/PLAN}}
<div class="field check">
<input type="checkbox" id="private" name="private" value="1"{{#PRIVATE_ON}} checked{{/PRIVATE_ON}} aria-describedby="private-hint{{#ERR_PRIVATE}} private-error{{/ERR_PRIVATE}}"{{#ERR_PRIVATE}} aria-invalid="true" autofocus{{/ERR_PRIVATE}}>
<label for="private">Private</label>
<p class="hint" id="private-hint">Colleagues see that the room is taken, never the title.</p>
{{#ERR_PRIVATE}}<p class="field-error" id="private-error">{{MESSAGE}}</p>{{/ERR_PRIVATE}}
</div>
<button class="button" type="submit" name="action" value="save" id="request">Request booking</button>
</form>
