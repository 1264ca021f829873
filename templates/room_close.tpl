{{%AUTOESCAPE context="HTML"}}
<h1>Close {{ROOM}}?</h1>
<p id="window">{{WINDOW}}</p>
<p>Reason: <span class="reason" id="close-reason">{{REASON}}</span></p>
{{#NONE}}<p id="none-cancelled">No booking falls in this time; none will be cancelled.</p>{{/NONE}}
{{#SOME}}<p id="will-cancel">These bookings will be cancelled (a meeting in the room now is ended early), and each person who made one will be told:</p>
<ul class="listed" id="to-cancel">{{#LISTED}}<li><a href="/bookings/{{BOOKING_ID}}">{{TITLE}}</a> · {{WHEN}} · {{OWNER_NAME}} · {{ATTENDEES}} attending{{#ENDED_EARLY}} · <strong class="ended-early">in use now: it will be ended early</strong>{{/ENDED_EARLY}}</li>
{{/LISTED}}</ul>{{/SOME}}
<form class="decide" method="post" action="/admin/rooms/{{ID}}/unavailable">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="reason" value="{{REASON}}">
<input type="hidden" name="closed_from" value="{{CLOSED_FROM}}">
<input type="hidden" name="closed_until" value="{{CLOSED_UNTIL}}">
<input type="hidden" name="confirmed" value="1">
<button class="button danger" type="submit" id="confirm-close">{{#NONE}}Close the room{{/NONE}}{{#SOME}}Close the room and cancel {{COUNT}} bookings{{/SOME}}</button>
<a href="/rooms/{{ID}}">No, keep it open</a>
</form>
