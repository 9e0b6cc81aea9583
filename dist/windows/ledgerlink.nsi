; Ledgerlink installer for Windows (NSIS 3, Unicode). Built on Windows, not tested on the Linux
; machine this repository is developed on: see dist/README.md.
;
;   cargo build --release
;   makensis /DVERSION=0.1.0 dist\windows\ledgerlink.nsi
;
; Writes target\ledgerlink-VERSION-setup.exe. Installs for all users into
; Program Files\Ledgerlink, adds a Start menu entry, registers *.ledgerlink project files and offers
; Ledgerlink under "Open with" for CSV and spreadsheet files, and an uninstaller that
; "Apps & features" lists.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=0.1.0 dist\windows\ledgerlink.nsi"
!endif
!ifndef TARGET_DIR
  !define TARGET_DIR "..\..\target"
!endif

!define APP_NAME "Ledgerlink"
!define APP_ID "io.ledgerlink.Ledgerlink"
!define EXE "ledgerlink.exe"
; The window without a console behind it (src/bin/ledgerlink-window.rs): menu and file types.
!define WINDOW_EXE "ledgerlink-window.exe"
!define PROGID "Ledgerlink.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
OutFile "${TARGET_DIR}\ledgerlink-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "The Ledgerlink developers, MIT OR Apache-2.0"

!define MUI_ICON "ledgerlink.ico"
!define MUI_UNICON "ledgerlink.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${WINDOW_EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; "Open with" for one file extension: the extension lists our ProgID without taking the default.
!macro OpenWith EXT
  WriteRegStr HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\Applications\${WINDOW_EXE}\SupportedTypes" "${EXT}" ""
!macroend
!macro UnOpenWith EXT
  DeleteRegValue HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
!macroend

Section "Ledgerlink" SecMain
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "${TARGET_DIR}\release\${EXE}"
  File "${TARGET_DIR}\release\${WINDOW_EXE}"
  File "ledgerlink.ico"
  File "/oname=README.txt" "..\..\README.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\ledgerlink.ico"

  ; Project files: *.ledgerlink opens in Ledgerlink.
  WriteRegStr HKLM "Software\Classes\.ledgerlink" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\.ledgerlink" "Content Type" "application/x-ledgerlink-project"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Ledgerlink project"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\ledgerlink.ico"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${WINDOW_EXE}" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${WINDOW_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKLM "Software\Classes\Applications\${WINDOW_EXE}\shell\open\command" "" '"$INSTDIR\${WINDOW_EXE}" "%1"'
  !insertmacro OpenWith ".ledgerlink"
  !insertmacro OpenWith ".csv"
  !insertmacro OpenWith ".tsv"
  !insertmacro OpenWith ".xlsx"
  !insertmacro OpenWith ".xls"
  !insertmacro OpenWith ".xlsb"
  !insertmacro OpenWith ".ods"

  ; Apps & features
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "The Ledgerlink developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ledgerlink.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

  ; Tell Explorer the file associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${WINDOW_EXE}"
  Delete "$INSTDIR\ledgerlink.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  !insertmacro UnOpenWith ".ledgerlink"
  !insertmacro UnOpenWith ".csv"
  !insertmacro UnOpenWith ".tsv"
  !insertmacro UnOpenWith ".xlsx"
  !insertmacro UnOpenWith ".xls"
  !insertmacro UnOpenWith ".xlsb"
  !insertmacro UnOpenWith ".ods"
  ReadRegStr $0 HKLM "Software\Classes\.ledgerlink" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKLM "Software\Classes\.ledgerlink"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\${WINDOW_EXE}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
