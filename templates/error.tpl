{{%AUTOESCAPE context="HTML"}}
<section class="error" role="alert">
<h1><span class="code">{{STATUS}}</span> {{REASON}}</h1>
<p class="message">{{MESSAGE}}</p>
{{#HAS_DETAIL}}<p class="detail">Reason: {{DETAIL}}</p>{{/HAS_DETAIL}}
<p><a href="/">Back to the home page</a></p>
<p class="request-id">Request id: <code>{{REQUEST_ID}}</code></p>
</section>
