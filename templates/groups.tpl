{{%AUTOESCAPE context="HTML"}}
<h1>Groups</h1>
<p>Rooms' policies name groups: the people who decide a room's requests, and who may book a restricted room.</p>
{{#DELETED}}<p class="notice" role="status" id="notice">The group has been deleted.</p>{{/DELETED}}
{{#NO_GROUPS}}<p id="no-groups">There are no groups yet.</p>{{/NO_GROUPS}}
<ul class="groups">
{{#GROUP}}<li class="group"><a href="/admin/groups/{{ID}}">{{NAME}}</a> · <span class="members">{{MEMBERS}} members</span> · <span class="rooms">used by {{ROOMS}} rooms</span>{{#DESCRIPTION}}<p class="hint">{{DESCRIPTION}}</p>{{/DESCRIPTION}}</li>
{{/GROUP}}</ul>
<form class="form" method="post" action="/admin/groups" novalidate aria-labelledby="add-heading">
<h2 id="add-heading">Add a group</h2>
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="description">What it is for</label>
<input type="text" id="description" name="description" value="{{DESCRIPTION}}" maxlength="500"{{#ERR_DESCRIPTION}} aria-invalid="true" aria-describedby="description-error" autofocus{{/ERR_DESCRIPTION}}>
{{#ERR_DESCRIPTION}}<p class="field-error" id="description-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}</div>
<button class="button" type="submit">Add the group</button>
</form>
