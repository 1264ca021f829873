{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
{{#PROBLEM}}<p class="form-error" role="alert" id="problem">{{MESSAGE}}</p>{{/PROBLEM}}
<p><span class="badge status-{{STATUS}}" id="status">{{STATUS_LABEL}}</span></p>
{{#INVITED}}<p class="notice" id="invited">{{OWNER}} invited you to this booking.</p>{{/INVITED}}
{{#REASON}}<p class="reason" id="reason">Reason: {{TEXT}}</p>{{/REASON}}
<dl class="facts">
<dt>Room</dt><dd id="room">{{ROOM}} · {{LOCATION}}</dd>
<dt>When</dt><dd id="when">{{WHEN}}</dd>
<dt>Attendees</dt><dd>{{ATTENDEES}}</dd>
<dt>Booked by</dt><dd id="owner">{{OWNER}}</dd>
{{#BOOKED_BY}}<dt>Requested by</dt><dd id="booked-by">{{BY}}</dd>{{/BOOKED_BY}}
<dt>Participants</dt><dd id="participants">{{#NO_PARTICIPANTS}}No one named{{/NO_PARTICIPANTS}}{{#SOME_PARTICIPANTS}}<ul class="participant-list">{{#PARTICIPANT}}<li>{{NAME}}</li>{{/PARTICIPANT}}</ul>{{/SOME_PARTICIPANTS}}</dd>
{{#SERIES}}<dt>Repeats</dt><dd id="series">One of {{COUNT}} dates of a series{{#DETACHED}}, changed on its own{{/DETACHED}}. <a href="#series-dates">Its dates</a></dd>{{/SERIES}}
{{#PRIVATE}}<dt>Private</dt><dd id="private">Colleagues see that the room is taken, never the title.</dd>{{/PRIVATE}}
{{#USED}}<dt>Used</dt><dd id="used">{{#SINCE}}since {{/SINCE}}{{SPAN}}</dd>{{/USED}}
</dl>
{{#CHANGE}}<p><a class="button secondary" id="change-link" href="/bookings/{{ID}}/edit">Change this booking</a></p>{{/CHANGE}}
{{#CHECKIN_RULE}}<p class="hint" id="checkin-rule">This room requires check-in: check in between {{OPENS}} and {{CLOSES}}, or the booking is released for others.</p>{{/CHECKIN_RULE}}
{{#NO_CHECKIN}}<p class="hint" id="checkin-rule">No check-in is needed in this room.</p>{{/NO_CHECKIN}}
{{#CHECKIN}}<form class="inline" method="post" action="/bookings/{{ID}}/checkin">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="button" type="submit" id="checkin">Check in</button>
</form>{{/CHECKIN}}
{{#CHECKOUT}}<form class="inline" method="post" action="/bookings/{{ID}}/checkout">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="button" type="submit" id="checkout">Check out</button>
<span class="hint">The rest of the booked time becomes free for others.</span>
</form>{{/CHECKOUT}}
{{#SERIES}}<h2 id="series-dates">The series' dates</h2>
<ol class="series-dates" aria-labelledby="series-dates">
{{#DATE}}<li class="series-date">{{#OTHER}}<a href="/bookings/{{ID}}">{{/OTHER}}{{WHEN}}{{#OTHER}}</a>{{/OTHER}}{{#THIS}} (this one){{/THIS}} · <span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span></li>
{{/DATE}}</ol>{{/SERIES}}
<h2 id="history">History</h2>
<ol class="history" aria-labelledby="history">
{{#EVENT}}<li class="event"><span class="event-kind">{{KIND}}</span> by <span class="event-by">{{BY}}</span>, <time>{{AT}}</time>{{#EVENT_REASON}}: <span class="event-reason">{{TEXT}}</span>{{/EVENT_REASON}}{{#EVENT_CHANGES}}: <span class="event-changes">{{TEXT}}</span>{{/EVENT_CHANGES}}</li>
{{/EVENT}}
</ol>
{{#CANCEL}}
<h2 id="cancel">Cancel this booking</h2>
<form class="form" method="post" action="/bookings/{{ID}}/cancel" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="reason-input">Reason{{#REASON_REQUIRED}} (the person who booked will see it){{/REASON_REQUIRED}}</label>
<input type="text" id="reason-input" name="reason" value="{{REASON}}" maxlength="500"{{#REASON_REQUIRED}} required{{/REASON_REQUIRED}}{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-error" autofocus{{/ERR_REASON}}>
{{#ERR_REASON}}<p class="field-error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
</div>
{{#IN_SERIES}}<fieldset class="choices scope">
<legend>Which dates</legend>
<span class="check"><input type="radio" id="cancel-this" name="scope" value="this" checked> <label for="cancel-this">This date only</label></span>
<span class="check"><input type="radio" id="cancel-following" name="scope" value="following"> <label for="cancel-following">This and the following dates</label></span>
<span class="check"><input type="radio" id="cancel-all" name="scope" value="all"> <label for="cancel-all">All dates still to come</label></span>
</fieldset>{{/IN_SERIES}}
<button class="button danger" type="submit">Cancel booking</button>
</form>
{{/CANCEL}}
<p><a href="/bookings">All my bookings</a></p>
