#include "testtier/version.hpp"

namespace testtier {

const char* version() { return TESTTIER_VERSION_STRING; }

}  // namespace testtier
