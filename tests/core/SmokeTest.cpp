#include <gtest/gtest.h>
#include "earshot/core/Paths.h"
TEST(Smoke, Builds) { EXPECT_FALSE(earshot::core::defaultDatabasePath().empty()); }
