{{%AUTOESCAPE context="HTML"}}
<div class="door-screen door-{{STATE}}" id="door" data-room="{{ROOM_ID}}" data-poll="{{POLL}}" data-etag="{{ETAG}}">
<header class="door-head">
<h1 class="door-room">{{ROOM_NAME}}</h1>
{{#PLACED}}<p class="door-place">{{BUILDING_NAME}} · {{FLOOR_NAME}}</p>{{/PLACED}}
<p class="door-clock" id="door-clock">{{NOW}}</p>
</header>
{{#PROBLEM}}<p class="door-problem" role="alert" id="door-problem">{{MESSAGE}}</p>{{/PROBLEM}}
<section class="door-now" aria-live="polite">
<p class="door-state" id="door-state">{{#FREE}}Free{{/FREE}}{{#FREE_UNTIL}}Free until {{UNTIL}}{{/FREE_UNTIL}}{{#BUSY}}Busy until {{UNTIL}}{{/BUSY}}{{#IN_USE}}In use until {{UNTIL}}{{/IN_USE}}{{#CHECK_IN}}Checking in closes at {{UNTIL}}{{/CHECK_IN}}{{#CLOSED}}Out of use{{/CLOSED}}</p>
{{#CURRENT}}<p class="door-meeting door-current"><span class="door-label">Now</span> <span class="door-when">{{FROM}}–{{TO}}</span> <span class="door-title">{{TITLE}}</span>{{#OWNER}} <span class="door-owner">{{NAME}}</span>{{/OWNER}}{{#REQUESTED}} <span class="door-requested">requested</span>{{/REQUESTED}}</p>{{/CURRENT}}
{{#NEXT}}<p class="door-meeting door-next"><span class="door-label">Next</span> <span class="door-when">{{FROM}}–{{TO}}</span> <span class="door-title">{{TITLE}}</span>{{#OWNER}} <span class="door-owner">{{NAME}}</span>{{/OWNER}}{{#REQUESTED}} <span class="door-requested">requested</span>{{/REQUESTED}}</p>{{/NEXT}}
{{#CHECKIN}}<div class="door-checkin" id="door-checkin"><p class="door-checkin-what">Check in: <span class="door-title">{{TITLE}}</span> <span class="door-when">{{FROM}}–{{TO}}</span></p>
<img class="door-qr" src="/display/rooms/{{ROOM_ID}}/bookings/{{BOOKING_ID}}/qr" alt="A code that opens this booking on your phone, to check in" width="240" height="240">
<p class="door-hint">Scan it with your phone to check in, or type your PIN.</p>
<form class="door-pin" method="post" action="/display/rooms/{{ROOM_ID}}/bookings/{{BOOKING_ID}}/checkin"><input type="hidden" name="csrf" value="{{CSRF}}"><label for="door-pin-input">PIN</label> <input type="password" id="door-pin-input" name="pin" inputmode="numeric" autocomplete="off" maxlength="6" required> <button class="door-button" type="submit">Check in</button></form></div>{{/CHECKIN}}
<div class="door-actions">
{{#WALKIN}}<form class="door-walkin" method="post" action="/display/rooms/{{ROOM_ID}}/walkin"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="request_token" value="{{REQUEST_TOKEN}}"><input type="hidden" name="starts_at" value="{{STARTS_AT}}"><button class="door-button" type="submit" name="minutes" value="{{MINUTES}}">Book {{MINUTES}} min <span class="door-button-when">{{FROM}}–{{TO}}</span></button></form>
{{/WALKIN}}</div>
</section>
<section class="door-day">
<h2>Later today</h2>
<ol class="door-schedule" id="door-schedule">
{{#LATER}}<li><span class="door-when">{{FROM}}–{{TO}}</span> <span class="door-title">{{TITLE}}</span>{{#OWNER}} <span class="door-owner">{{NAME}}</span>{{/OWNER}}{{#REQUESTED}} <span class="door-requested">requested</span>{{/REQUESTED}}</li>
{{/LATER}}</ol>
{{#NOTHING_MORE}}<p class="door-quiet">Nothing more today.</p>{{/NOTHING_MORE}}
</section>
<footer class="door-foot"><span class="door-name">{{DISPLAY_NAME}}</span></footer>
</div>
