// Validates the API description against the OpenAPI 3.1 schema and its
// references; exits 1 with the reason when it is not valid.
const SwaggerParser = require("@apidevtools/swagger-parser");

SwaggerParser.validate(process.argv[2])
  .then((api) => {
    console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths).length} paths`);
  })
  .catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
