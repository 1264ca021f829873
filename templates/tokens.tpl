{{%AUTOESCAPE context="HTML"}}
<h1>API tokens</h1>
<p>Scripts and tools use the JSON API under <code>/api/</code> with a token of yours: <code>Authorization: Bearer &lt;token&gt;</code>. They can do what you can do. Revoke a token you no longer use.</p>
{{#MADE}}<div class="notice" role="status" id="made"><p>Your new token; copy it now, it is not shown again:</p>
<p><code id="new-token">{{TOKEN}}</code></p></div>{{/MADE}}
<form class="form" method="post" action="/account/tokens" novalidate>
{{#HAS_ERRORS}}<p class="form-error" role="alert">No token was made; see below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="name">Name (what it is for)</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
</div>
<button class="button" type="submit">Make a token</button>
</form>
<h2 id="yours">Your tokens</h2>
{{#NO_TOKENS}}<p>You have no tokens.</p>{{/NO_TOKENS}}
<ul class="tokens" aria-labelledby="yours">
{{#TOKEN_ROW}}<li class="token" id="token-{{ID}}"><strong>{{NAME}}</strong> · made {{CREATED}} · last used {{USED}}{{#REVOKED}} · revoked {{AT}}{{/REVOKED}}{{#LIVE}}
<form class="inline" method="post" action="/account/tokens/{{ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Revoke</button></form>{{/LIVE}}</li>
{{/TOKEN_ROW}}
</ul>
<p><a href="/account">Back to your account</a></p>
