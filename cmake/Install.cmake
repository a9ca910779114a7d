# Installing Earshot as a desktop application, and the Debian package (cpack -G DEB).
# Included from the top-level CMakeLists.txt after the targets exist.
include(GNUInstallDirs)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

# The desktop file id, icon name and AppStream id are one reverse-DNS name after the project URL.
set(EARSHOT_APP_ID io.github.earshot_app.Earshot)
set(EARSHOT_PACKAGE_MAINTAINER "The Earshot developers <earshot-app@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")

install(TARGETS earshot-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Where Debian looks for a package's licence (CMAKE_INSTALL_DOCDIR would say "Earshot").
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/earshot RENAME copyright)

# Man pages are written from the programs' own --help after they are built (cmake/ManPage.py),
# so a new command or option cannot be missing from them.
function(earshot_man_page program)
    set(page ${PROJECT_BINARY_DIR}/man/${program}.1.gz)
    set(template ${PROJECT_SOURCE_DIR}/resources/man/${program}.1.in)
    add_custom_command(
        OUTPUT ${page}
        COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/ManPage.py
                ${template} ${page} ${PROJECT_VERSION} ${EARSHOT_PROJECT_URL} $<TARGET_FILE:${program}>
        DEPENDS ${program} ${template} ${PROJECT_SOURCE_DIR}/cmake/ManPage.py
        COMMENT "Writing the man page ${program}.1.gz"
        VERBATIM)
    add_custom_target(${program}_man ALL DEPENDS ${page})
    install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
earshot_man_page(earshot-cli)

if(EARSHOT_BUILD_GUI)
    install(TARGETS earshot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    earshot_man_page(earshot)
    # The translations are compiled into the binary (qt_add_translations in src/CMakeLists.txt),
    # so there are no .qm files to install.
    set(desktop ${PROJECT_SOURCE_DIR}/resources/desktop)
    install(FILES ${desktop}/${EARSHOT_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${desktop}/${EARSHOT_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    # The PNGs are committed, rendered once from earshot.svg, so building needs no SVG renderer
    # (to render them again, in resources/icons, with librsvg2-bin):
    #   for s in 16 22 24 32 48 64 128 256; do rsvg-convert -w $s -h $s earshot.svg -o earshot-$s.png; done
    set(icons ${PROJECT_SOURCE_DIR}/resources/icons)
    set(hicolor ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
    install(FILES ${icons}/earshot.svg DESTINATION ${hicolor}/scalable/apps RENAME ${EARSHOT_APP_ID}.svg)
    foreach(size 16 22 24 32 48 64 128 256)
        install(FILES ${icons}/earshot-${size}.png
                DESTINATION ${hicolor}/${size}x${size}/apps RENAME ${EARSHOT_APP_ID}.png)
    endforeach()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME earshot)
set(CPACK_PACKAGE_VENDOR "The Earshot developers")
set(CPACK_PACKAGE_CONTACT ${EARSHOT_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "social listening and webcare console")
# The Debian description's lines are kept under 80 columns, as dpkg shows them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Earshot listens to public feeds (RSS, RDF, Atom, JSON Feed) and to Mastodon,"
    "Bluesky, Discourse, Hacker News and Stack Exchange, and stores every mention in"
    "a local SQLite database. Mentions are routed into conversations that a webcare"
    "team claims, answers and resolves, and Earshot measures how fast the team"
    "responds. It has a Qt console, earshot, and a scriptable earshot-cli.")
# The build is RelWithDebInfo; without stripping the package would carry ~180 MB of symbols.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${EARSHOT_PROJECT_URL})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps finds the libraries the binaries link; what Qt loads at run time it cannot see:
# the platform plugins (xcb) and Qt's own Dutch translations.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(EARSHOT_BUILD_GUI)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    # The console keeps platform secrets in a Secret Service keychain.
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
endif()
include(CPack)
