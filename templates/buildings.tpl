{{%AUTOESCAPE context="HTML"}}
<h1>Buildings</h1>
<p>Each room is on a floor of a building; people find rooms by them. Keep the list of equipment rooms have under <a href="/admin/features">Equipment</a>.</p>
{{#DELETED}}<p class="notice" role="status" id="notice">The building has been deleted.</p>{{/DELETED}}
{{#NO_BUILDINGS}}<p id="no-buildings">There are no buildings yet.</p>{{/NO_BUILDINGS}}
<ul class="buildings">
{{#BUILDING}}<li class="building"><a href="/admin/buildings/{{ID}}">{{NAME}}</a> · <span class="floors">{{FLOORS}} floors</span> · <span class="rooms">{{ROOMS}} rooms</span>{{#ADDRESS}}<p class="hint">{{ADDRESS}}</p>{{/ADDRESS}}</li>
{{/BUILDING}}</ul>
<form class="form" method="post" action="/admin/buildings" novalidate aria-labelledby="add-heading">
<h2 id="add-heading">Add a building</h2>
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="address">Address</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}" maxlength="300"{{#ERR_ADDRESS}} aria-invalid="true" aria-describedby="address-error" autofocus{{/ERR_ADDRESS}}>
{{#ERR_ADDRESS}}<p class="field-error" id="address-error">{{MESSAGE}}</p>{{/ERR_ADDRESS}}</div>
<button class="button" type="submit">Add the building</button>
</form>
