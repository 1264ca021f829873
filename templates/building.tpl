{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
<p><a href="/admin/buildings">All buildings</a></p>
{{#ADDED}}<p class="notice" role="status" id="notice">The building has been added. Add its floors below.</p>{{/ADDED}}
{{#SAVED}}<p class="notice" role="status" id="notice">Your changes have been saved.</p>{{/SAVED}}
{{#HAS_ERRORS}}<p class="form-error" role="alert">Nothing was saved; please correct what is marked below.</p>{{/HAS_ERRORS}}
<h2 id="floors-heading">Floors</h2>
{{#NO_FLOORS}}<p id="no-floors">This building has no floors yet.</p>{{/NO_FLOORS}}
<ul class="floors" aria-labelledby="floors-heading">
{{#FLOOR}}<li class="floor"><span class="name">{{NAME}}</span> (level <span class="level">{{LEVEL}}</span>) · <a href="/rooms?floor={{ID:u}}">{{ROOMS}} rooms</a>
{{#EMPTY}}<form class="inline" method="post" action="/admin/buildings/{{BUILDING_ID}}/floors/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Remove<span class="visually-hidden"> {{NAME}}</span></button></form>{{/EMPTY}}</li>
{{/FLOOR}}</ul>
{{#ADD_FLOOR}}<form class="form" method="post" action="/admin/buildings/{{ID}}/floors" novalidate aria-labelledby="floor-heading">
<h3 id="floor-heading">Add a floor</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="level">Level</label>
<input type="number" id="level" name="level" value="{{LEVEL}}" min="-20" max="300" required aria-describedby="level-hint{{#ERR_LEVEL}} level-error{{/ERR_LEVEL}}"{{#ERR_LEVEL}} aria-invalid="true" autofocus{{/ERR_LEVEL}}>
<p class="hint" id="level-hint">0 is the ground floor, -1 the one below it.</p>
{{#ERR_LEVEL}}<p class="field-error" id="level-error">{{MESSAGE}}</p>{{/ERR_LEVEL}}</div>
<div class="field"><label for="floor-name">Name</label>
<input type="text" id="floor-name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="floor-name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="floor-name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<button class="button" type="submit">Add the floor</button>
</form>{{/ADD_FLOOR}}
{{#RENAME}}<form class="form" method="post" action="/admin/buildings/{{ID}}" novalidate aria-labelledby="rename-heading">
<h2 id="rename-heading">Name and address</h2>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="100" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error" autofocus{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="address">Address</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}" maxlength="300"{{#ERR_ADDRESS}} aria-invalid="true" aria-describedby="address-error" autofocus{{/ERR_ADDRESS}}>
{{#ERR_ADDRESS}}<p class="field-error" id="address-error">{{MESSAGE}}</p>{{/ERR_ADDRESS}}</div>
<button class="button" type="submit">Save</button>
</form>{{/RENAME}}
{{#CAN_DELETE}}<form method="post" action="/admin/buildings/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit" id="delete-building">Delete the building</button></form>{{/CAN_DELETE}}
