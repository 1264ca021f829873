{{%AUTOESCAPE context="HTML"}}
<h1>Log in</h1>
<nav class="languages" aria-label="Language">
<ul>
{{#LANGUAGE}}<li><a href="/language?set={{TAG}}&amp;next={{BACK:u}}" lang="{{TAG}}" hreflang="{{TAG}}"{{#CHOSEN}} aria-current="true"{{/CHOSEN}}>{{NAME}}</a></li>
{{/LANGUAGE}}</ul>
</nav>
{{#LOGGED_OUT}}<p class="notice" role="status">You have logged out.</p>{{/LOGGED_OUT}}
{{#SSO}}<p class="form-error" role="alert">This site signs you in through your organisation's single sign-on, and this request did not carry a login. Reload the page, or ask an administrator.</p>{{/SSO}}
{{#FORM}}
<form class="form" method="post" action="/login" novalidate>
{{#FAILED}}<p class="form-error" role="alert" id="login-failed">{{MESSAGE}}</p>{{/FAILED}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field">
<label for="login">Login</label>
<input type="text" id="login" name="login" value="{{LOGIN}}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required{{#LOGIN_FIRST}} autofocus{{/LOGIN_FIRST}}{{#ERR_LOGIN}} aria-invalid="true" aria-describedby="login-error"{{/ERR_LOGIN}}{{#FAILED}} aria-describedby="login-failed"{{/FAILED}}>
{{#ERR_LOGIN}}<p class="field-error" id="login-error">{{MESSAGE}}</p>{{/ERR_LOGIN}}
</div>
<div class="field">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required{{#ERR_PASSWORD}} aria-invalid="true" aria-describedby="password-error" autofocus{{/ERR_PASSWORD}}{{#FAILED}} aria-describedby="login-failed"{{/FAILED}}>
{{#ERR_PASSWORD}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/ERR_PASSWORD}}
</div>
<button class="button" type="submit">Log in</button>
</form>
{{/FORM}}
