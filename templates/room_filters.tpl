{{%AUTOESCAPE context="HTML"}}
<div class="field"><label for="min_capacity">Seats at least</label>
<input type="number" id="min_capacity" name="min_capacity" min="1" max="10000" value="{{MIN_CAPACITY}}"></div>
{{#HAS_BUILDINGS}}<div class="field"><label for="building">Building</label>
<select id="building" name="building"><option value="">Any building</option>
{{#BUILDING}}<option value="{{BUILDING_ID}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{BUILDING_NAME}}</option>
{{/BUILDING}}</select></div>
<div class="field"><label for="floor">Floor</label>
<select id="floor" name="floor"><option value="">Any floor</option>
{{#FLOOR}}<option value="{{FLOOR_ID}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{BUILDING_NAME}} · {{FLOOR_NAME}}</option>
{{/FLOOR}}</select></div>{{/HAS_BUILDINGS}}
<div class="field"><label for="location">Location</label>
<select id="location" name="location"><option value="">Anywhere</option>
{{#PLACE}}<option value="{{PLACE_NAME}}"{{#CHOSEN}} selected{{/CHOSEN}}>{{PLACE_NAME}}</option>
{{/PLACE}}</select></div>
{{#HAS_FEATURES}}<fieldset class="field features"><legend>Equipment</legend>
{{#FEATURE}}<label class="check"><input type="checkbox" name="feature" value="{{FEATURE_NAME}}"{{#CHOSEN}} checked{{/CHOSEN}}> {{FEATURE_NAME}}</label>
{{/FEATURE}}</fieldset>{{/HAS_FEATURES}}
