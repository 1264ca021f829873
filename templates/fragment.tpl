{{%AUTOESCAPE context="HTML"}}
<!--rendered-->
