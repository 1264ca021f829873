{{! A message's plain text: nothing to escape, each line its own words. }}{{HEADLINE}}{{! end }}

{{#DETAILS}}What: {{TITLE}}{{! end }}
Where: {{ROOM}}{{! end }}
When: {{WHEN}}{{! end }}
{{#MORE_DATES}}Dates: {{COUNT}}, the last on {{LAST}}{{! end }}
{{/MORE_DATES}}{{#HAS_REASON}}Why: {{REASON}}{{! end }}
{{/HAS_REASON}}{{#WAS}}It was: {{WAS_ROOM}}, {{WAS_WHEN}}{{! end }}
{{/WAS}}{{#BY}}By: {{ACTOR}}{{! end }}
{{/BY}}
{{/DETAILS}}{{#CHECKIN}}Check in when it starts, or the room is released {{GRACE}} minutes after the start.{{! end }}

{{/CHECKIN}}{{#DECIDE}}Approve or deny it on its page: {{DECIDE_URL}}{{! end }}

{{/DECIDE}}{{#QUEUE}}{{#WAITING}}- {{TITLE}}, {{ROOM}}, {{WHEN}} ({{OWNER}}){{! end }}
{{/WAITING}}
The queue: {{QUEUE_URL}}{{! end }}

{{/QUEUE}}{{#BOOKING}}The booking: {{BOOKING_URL}}{{! end }}

{{/BOOKING}}{{#INVITATION}}Your calendar program adds it from the invitation in this message.{{! end }}

{{/INVITATION}}-- {{! end }}
{{SITE}}{{! end }}
{{#CHOOSE}}Which mail you receive: {{ACCOUNT_URL}}{{! end }}
{{/CHOOSE}}
