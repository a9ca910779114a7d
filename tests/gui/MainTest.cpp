// The GUI suite's entry point: Qt widgets need a QApplication before any test runs, and
// GoogleTest's own main cannot make one.
#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    // CTest sets offscreen for the runs, but test discovery (--gtest_list_tests) and
    // hand runs start the binary without it; they must not need a display either.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
