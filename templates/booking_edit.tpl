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
{{#IN_SERIES}}<fieldset class="choices scope" id="scope" aria-describedby="scope-hint">
<legend>Which dates</legend>
<p class="hint" id="scope-hint">This booking is one date of a series. The time of day, room, title and people can change for the later dates or all of them; only this date can move to another day.{{#DETACHED}} This date was changed on its own before.{{/DETACHED}}</p>
<span class="check"><input type="radio" id="scope-this" name="scope" value="this"{{#SCOPE_THIS}} checked{{/SCOPE_THIS}}> <label for="scope-this">This date only</label></span>
<span class="check"><input type="radio" id="scope-following" name="scope" value="following"{{#SCOPE_FOLLOWING}} checked{{/SCOPE_FOLLOWING}}> <label for="scope-following">This and the following dates</label></span>
<span class="check"><input type="radio" id="scope-all" name="scope" value="all"{{#SCOPE_ALL}} checked{{/SCOPE_ALL}}> <label for="scope-all">All dates still to come</label></span>
<span class="check"><input type="checkbox" id="reset" name="reset" value="1"{{#RESET_ON}} checked{{/RESET_ON}}> <label for="reset">Also change the dates that were changed on their own</label></span>
</fieldset>{{/IN_SERIES}}
<button class="button" type="submit" name="action" value="save" id="save-change">Save the change</button>
<a class="button secondary" href="/bookings/{{ID}}" id="keep">Keep it as it is</a>
</form>
