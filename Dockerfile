# aro-rp: one image for every role (run, frontend, backend, local-cloud); the command picks the role.
#   docker build -t aro-rp .
#   docker run --rm -p 8443:8443 -e ARO_LISTEN_URL=https://0.0.0.0:8443 aro-rp run
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet restore src/Aro.Rp/Aro.Rp.csproj
RUN dotnet publish src/Aro.Rp/Aro.Rp.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# State (keys, development certificate, SQLite, the local cloud's file) lives in a volume, never in the image.
ENV ARO_DATA_DIR=/var/lib/aro \
    ARO_LOG_FORMAT=json
# The image owns every directory a volume is mounted on (keys is shared by the compose roles), so a new named
# volume starts owned by the non-root user, who can write it.
RUN mkdir -p /var/lib/aro/keys && chown -R app:app /var/lib/aro && chmod 700 /var/lib/aro/keys
VOLUME /var/lib/aro
USER app
EXPOSE 8443 8444 8445
ENTRYPOINT ["dotnet", "aro-rp.dll"]
CMD ["run"]
