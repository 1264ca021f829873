{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
<p><span class="badge status-{{STATUS}}" id="status">{{STATUS_LABEL}}</span></p>
{{#REASON}}<p class="reason" id="reason">Reason: {{TEXT}}</p>{{/REASON}}
<dl class="facts">
<dt>Room</dt><dd id="room">{{ROOM}} · {{LOCATION}}</dd>
<dt>When</dt><dd id="when">{{WHEN}}</dd>
<dt>Attendees</dt><dd>{{ATTENDEES}}</dd>
<dt>Booked by</dt><dd id="owner">{{OWNER}}</dd>
</dl>
<h2 id="history">History</h2>
<ol class="history" aria-labelledby="history">
{{#EVENT}}<li class="event"><span class="event-kind">{{KIND}}</span> by <span class="event-by">{{BY}}</span>, <time>{{AT}}</time>{{#EVENT_REASON}}: <span class="event-reason">{{TEXT}}</span>{{/EVENT_REASON}}</li>
{{/EVENT}}
</ol>
{{#CANCEL}}
<h2 id="cancel">Cancel this booking</h2>
<form class="form" method="post" action="/bookings/{{ID}}/cancel" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="reason-input">Reason{{#REASON_REQUIRED}} (the person who booked will see it){{/REASON_REQUIRED}}</label>
<input type="text" id="reason-input" name="reason" value="{{REASON}}" maxlength="500"{{#REASON_REQUIRED}} required{{/REASON_REQUIRED}}{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-error"{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
</div>
<button class="button danger" type="submit">Cancel booking</button>
</form>
{{/CANCEL}}
<p><a href="/bookings">All my bookings</a></p>
