{{%AUTOESCAPE context="HTML"}}
<h1>Calendar subscriptions</h1>
<p>Your calendar program can subscribe to your bookings, or to a room's, and keep them up to date by itself. Each subscription has an address of its own; anyone who has it can read that calendar, so keep it to yourself, and revoke it if it gets out.</p>
{{#MADE}}<div class="notice" role="status" id="made"><p>Your new subscription; copy its address now, it is not shown again:</p>
<p><code id="new-feed">{{URL}}</code></p>
<p>Calendar programs that subscribe by a webcal address take this one: <code id="new-webcal">{{WEBCAL}}</code></p></div>{{/MADE}}
<form class="form" method="post" action="/account/calendars" novalidate>
{{#HAS_ERRORS}}<p class="form-error" role="alert">No subscription was made; see below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="room">Subscribe to</label>
<select id="room" name="room"{{#ERR_ROOM}} aria-invalid="true" aria-describedby="room-error" autofocus{{/ERR_ROOM}}>
<option value="">My bookings</option>
{{#ROOM_CHOICE}}<option value="{{ID}}">{{NAME}}</option>
{{/ROOM_CHOICE}}</select>
{{#ERR_ROOM}}<p class="field-error" id="room-error">{{MESSAGE}}</p>{{/ERR_ROOM}}
</div>
<button class="button" type="submit">Make a subscription address</button>
</form>
<h2 id="yours">Your subscriptions</h2>
{{#NO_FEEDS}}<p>You have no subscriptions.</p>{{/NO_FEEDS}}
<ul class="tokens" aria-labelledby="yours">
{{#FEED_ROW}}<li class="feed" id="feed-{{ID}}"><strong>{{WHAT}}</strong> · made {{CREATED}}{{#REVOKED}} · revoked {{AT}}{{/REVOKED}}{{#LIVE}}
<form class="inline" method="post" action="/account/calendars/{{ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Revoke<span class="visually-hidden"> {{WHAT}}</span></button></form>{{/LIVE}}</li>
{{/FEED_ROW}}
</ul>
<p><a href="/account">Back to your account</a></p>
