{{%AUTOESCAPE context="HTML"}}
<h1>Approvals</h1>
<form class="inline filters" method="get" action="/admin/approvals"><label for="room">Room</label>
<select id="room" name="room"><option value="">Every room I decide</option>{{#ROOM_CHOICE}}<option value="{{ID}}"{{#PICKED}} selected{{/PICKED}}>{{NAME}}</option>{{/ROOM_CHOICE}}</select>
<button class="button" type="submit">Show</button>{{#FILTERED}} <a href="/admin/approvals">Show all</a>{{/FILTERED}}</form>
{{#DONE}}<p class="notice" role="status" id="done">{{MESSAGE}}</p>{{/DONE}}
{{#PROBLEM}}<div class="form-error" role="alert" id="problem"><p>{{MESSAGE}}</p>{{#SOME_FAILED}}<ul class="failed">{{#FAILED}}<li>{{TEXT}}</li>{{/FAILED}}</ul>{{/SOME_FAILED}}</div>{{/PROBLEM}}
{{#NONE}}<p>No requests are waiting.</p>{{/NONE}}
{{#NONE_LATER}}<p>No requests are waiting after those already shown.</p>{{/NONE_LATER}}
{{#TICKED}}<form id="ticked" class="inline" method="post" action="/admin/approvals/approve"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit" id="approve-ticked">Approve the ticked requests</button> <span class="hint">Tick them below; each is approved on its own, and each person told.</span></form>{{/TICKED}}
<ul class="queue">
{{#REQUEST}}<li class="request" id="request-{{ID}}">
<h2><a href="/bookings/{{ID}}">{{TITLE}}</a></h2>
<p class="meta"><span class="room">{{ROOM}}</span> · <span class="when">{{WHEN}}</span> · {{ATTENDEES}} attending · by <span class="requester">{{REQUESTER}}</span> · waiting {{WAITED}}</p>
{{#CHANGED}}<p class="changed" id="changed-{{ID}}">Changed since it was asked for: {{TEXT}}</p>{{/CHANGED}}
{{#SINGLE}}<div class="decide">
<div class="field check"><input type="checkbox" id="tick-{{ID}}" name="booking" value="{{ID}}" form="ticked"> <label for="tick-{{ID}}">Tick to approve with others</label></div>
<form method="post" action="/admin/approvals/{{ID}}/approve"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Approve</button></form>
<form class="deny" method="post" action="/admin/approvals/{{ID}}/deny" novalidate><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-{{ID}}">Reason for denying</label>
<input type="text" id="reason-{{ID}}" name="reason" value="{{REASON}}" maxlength="500"{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-{{ID}}-error" autofocus{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-{{ID}}-error">{{MESSAGE}}</p>{{/ERR_REASON}}
<button class="button danger" type="submit">Deny</button></form>
</div>{{/SINGLE}}
{{#SERIES}}<p class="series-note" id="series-{{SERIES_ID}}">{{#MANY}}Repeats: {{COUNT}} dates waiting, the last on {{LAST}}.{{/MANY}}{{#ONE}}Repeats: one date of the series waits.{{/ONE}}</p>
<div class="decide">
<form method="post" action="/admin/approvals/series/{{SERIES_ID}}/approve"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit" id="approve-series-{{SERIES_ID}}">{{#MANY}}Approve all {{COUNT}} dates{{/MANY}}{{#ONE}}Approve{{/ONE}}</button></form>
{{#DENY_ALL}}<form class="deny" method="post" action="/admin/approvals/series/{{SERIES_ID}}/deny" novalidate><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-series-{{SERIES_ID}}">{{#MANY}}Reason for denying them all{{/MANY}}{{#ONE}}Reason for denying{{/ONE}}</label>
<input type="text" id="reason-series-{{SERIES_ID}}" name="reason" value="{{REASON}}" maxlength="500"{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-series-{{SERIES_ID}}-error" autofocus{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-series-{{SERIES_ID}}-error">{{MESSAGE}}</p>{{/ERR_REASON}}
<button class="button danger" type="submit">{{#MANY}}Deny all{{/MANY}}{{#ONE}}Deny{{/ONE}}</button></form>{{/DENY_ALL}}
</div>
{{#MANY}}<details class="series-dates"{{#ERR_DATE}} open{{/ERR_DATE}}><summary>Deny single dates</summary>
<ul>{{#DATE}}<li class="series-date" id="date-{{ID}}"><span class="when">{{WHEN}}</span>
<form class="deny" method="post" action="/admin/approvals/{{ID}}/deny" novalidate><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-{{ID}}">Reason for denying this date</label>
<input type="text" id="reason-{{ID}}" name="reason" value="{{REASON}}" maxlength="500"{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-{{ID}}-error" autofocus{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-{{ID}}-error">{{MESSAGE}}</p>{{/ERR_REASON}}
<button class="button danger" type="submit">Deny this date</button></form></li>
{{/DATE}}</ul></details>{{/MANY}}{{/SERIES}}
</li>
{{/REQUEST}}
</ul>
<p class="pager">{{#FIRST}}<a id="first" href="/admin/approvals">← Soonest first</a>{{/FIRST}} {{#NEXT}}<a rel="next" id="next" href="{{URL}}">Next requests →</a>{{/NEXT}}</p>
<h2 id="no-shows">Today's no-shows</h2>
{{#NO_NO_SHOWS}}<p>Nobody has missed a booking today.</p>{{/NO_NO_SHOWS}}
<ul class="no-shows" aria-labelledby="no-shows">
{{#NO_SHOW}}<li class="no-show"><a href="/bookings/{{ID}}">{{TITLE}}</a> · <span class="room">{{ROOM}}</span> · <span class="when">{{WHEN}}</span> · booked by <span class="owner">{{OWNER}}</span> · released, nobody checked in</li>
{{/NO_SHOW}}
</ul>
