{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body>
<p>{{HEADLINE}}</p>
{{#DETAILS}}<table role="presentation">
<tr><th scope="row">What</th><td>{{TITLE}}</td></tr>
<tr><th scope="row">Where</th><td>{{ROOM}}</td></tr>
<tr><th scope="row">When</th><td>{{WHEN}}</td></tr>
{{#MORE_DATES}}<tr><th scope="row">Dates</th><td>{{COUNT}}, the last on {{LAST}}</td></tr>{{/MORE_DATES}}
{{#HAS_REASON}}<tr><th scope="row">Why</th><td>{{REASON}}</td></tr>{{/HAS_REASON}}
{{#WAS}}<tr><th scope="row">It was</th><td>{{WAS_ROOM}}, {{WAS_WHEN}}</td></tr>{{/WAS}}
{{#BY}}<tr><th scope="row">By</th><td>{{ACTOR}}</td></tr>{{/BY}}
</table>{{/DETAILS}}
{{#CHECKIN}}<p><strong>Check in when it starts, or the room is released {{GRACE}} minutes after the start.</strong></p>{{/CHECKIN}}
{{#DECIDE}}<p><a href="{{DECIDE_URL}}">Approve</a> · <a href="{{DENY_URL}}">Deny</a> (on its page, where you decide)</p>{{/DECIDE}}
{{#QUEUE}}<ul>{{#WAITING}}<li>{{TITLE}}, {{ROOM}}, {{WHEN}} ({{OWNER}})</li>{{/WAITING}}</ul>
<p><a href="{{QUEUE_URL}}">The queue</a></p>{{/QUEUE}}
{{#BOOKING}}<p><a href="{{BOOKING_URL}}">The booking</a></p>{{/BOOKING}}
{{#INVITATION}}<p>Your calendar program adds it from the invitation in this message.</p>{{/INVITATION}}
<hr>
<p><small>{{SITE}}{{#CHOOSE}} · <a href="{{ACCOUNT_URL}}">Which mail you receive</a>{{/CHOOSE}}</small></p>
</body>
</html>
