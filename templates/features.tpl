{{%AUTOESCAPE context="HTML"}}
<h1>Equipment</h1>
<p>What rooms may have: people ask the room finder for it, and filter rooms by it.</p>
{{#SAVED}}<p class="notice" role="status" id="notice">Your changes have been saved.</p>{{/SAVED}}
{{#NO_FEATURES}}<p id="no-features">The list is empty.</p>{{/NO_FEATURES}}
<ul class="features">
{{#FEATURE}}<li class="feature"><form class="inline" method="post" action="/admin/features/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><label class="visually-hidden" for="feature-{{ID}}">Name</label><input type="text" id="feature-{{ID}}" name="name" value="{{NAME}}" maxlength="100" required> <button class="button" type="submit">Rename<span class="visually-hidden"> {{NAME}}</span></button></form>
<span class="rooms">{{ROOMS}} rooms</span>
<form class="inline" method="post" action="/admin/features/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Remove<span class="visually-hidden"> {{NAME}}</span></button></form></li>
{{/FEATURE}}</ul>
<form class="form" method="post" action="/admin/features" novalidate aria-labelledby="add-heading">
<h2 id="add-heading">Add to the list</h2>
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<button class="button" type="submit">Add</button>
</form>
