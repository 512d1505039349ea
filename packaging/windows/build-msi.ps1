<#
Builds the Windows installer on Windows (jpackage makes installers only for the system it runs on):
the shaded jar (Maven, tests skipped, so the JavaFX natives are Windows'), then
BUILD_DIR\packages\Slipway-<version>.msi. It installs Slipway.exe (the wizard, in the Start menu and
on the desktop) and slipway-cli.exe (the CLI, a console program) with their own Java runtime.

  powershell -File packaging\windows\build-msi.ps1 [-BuildDir DIR] [-Version X.Y.Z] [-SkipMaven]

-BuildDir   Maven's build directory (default: target)
-Version    the app version (default: the pom's, without -SNAPSHOT)
-SkipMaven  use the slipway.jar already in the build directory

Needs a JDK 17+ (jpackage) and the WiX Toolset 3 (candle.exe, light.exe) on the PATH. Unsigned.
#>
param(
    [string]$BuildDir = "target",
    [string]$Version = "",
    [switch]$SkipMaven
)
$ErrorActionPreference = "Stop"
$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $root

if (-not [IO.Path]::IsPathRooted($BuildDir)) { $BuildDir = Join-Path $root $BuildDir }
if (-not $Version) { $Version = ([xml](Get-Content (Join-Path $root "pom.xml"))).project.version }
$Version = $Version -replace '-SNAPSHOT$', ''
if ($Version -notmatch '^\d+(\.\d+){0,2}$') {
    Write-Error "The version '$Version' is not one to three numbers separated by dots, as jpackage needs."
    exit 2
}

$started = Get-Date
if (-not $SkipMaven) {
    mvn -B -q package -DskipTests "-DbuildDir=$BuildDir"
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
$jar = Join-Path $BuildDir "slipway.jar"
if (-not (Test-Path $jar)) {
    Write-Error "$jar is missing: build it first with 'mvn -B package -DskipTests'."
    exit 2
}

# jpackage copies everything in --input into the app: give it the jar alone.
$inputDir = Join-Path $BuildDir "jpackage\input"
Remove-Item -Recurse -Force $inputDir -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $inputDir | Out-Null
Copy-Item $jar $inputDir
$dest = Join-Path $BuildDir "packages"
Remove-Item (Join-Path $dest "Slipway-*.msi") -ErrorAction SilentlyContinue

# The upgrade UUID stays the same for every version, so a newer .msi replaces an older one.
jpackage --type msi '@packaging/package.args' '@packaging/app.args' `
    --input $inputDir --dest $dest --app-version $Version `
    --icon icons\slipway.ico `
    --add-launcher slipway-cli=packaging\windows\cli-launcher.properties `
    --win-menu --win-menu-group Slipway --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid f130816a-d13f-471e-a6a2-fcd3b5a380bc
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$msi = Get-ChildItem (Join-Path $dest "Slipway-*.msi") | Select-Object -First 1
Write-Output ("package: {0} ({1:N0} s)" -f $msi.FullName, ((Get-Date) - $started).TotalSeconds)
